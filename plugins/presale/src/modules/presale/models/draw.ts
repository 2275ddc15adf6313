import { model } from "@medusajs/framework/utils"

/**
 * A free-order round of a campaign: round r is drawn when the count reaches
 * (r + 1) × free_interval, among participants 1..threshold who have not won yet, with the
 * seed-chain draw `draw_id` committed at campaign start.
 */
const PresaleDraw = model
  .define("presale_draw", {
    id: model.id({ prefix: "psd" }).primaryKey(),
    campaign_id: model.text(),
    round: model.number(),
    draw_id: model.text(),
    threshold: model.number(),
    entrants: model.number().nullable(),
    winner_participant_id: model.text().nullable(),
    digest: model.text().nullable(),
    drawn_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["campaign_id", "round"], unique: true }])

export default PresaleDraw
