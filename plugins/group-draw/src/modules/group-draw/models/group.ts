import { model } from "@medusajs/framework/utils"

/**
 * One group of a campaign. Seats are taken with a conditional update on this row
 * (`seats_taken < size AND status = 'open'`), so no group ever has more than `size`
 * paid members. open → full → drawn → completed (or refunding while a loser's
 * refund has to be retried); an expired group is failed (everyone refunded).
 */
const GroupDrawGroup = model
  .define("group_draw_group", {
    id: model.id({ prefix: "gdg" }).primaryKey(),
    campaign_id: model.text(),
    status: model.enum(["open", "full", "drawn", "refunding", "completed", "failed"]).default("open"),
    seats_taken: model.number().default(0),
    size: model.number(),
    winners: model.number(),
    expires_at: model.dateTime(),
    // fair draw (pick) committed when the group opens; the red-envelope split draw next to it
    draw_id: model.text().nullable(),
    envelope_draw_id: model.text().nullable(),
    opened_by: model.text().nullable(),
    drawn_at: model.dateTime().nullable(),
    completed_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["campaign_id", "status"] }, { on: ["status", "expires_at"] }, { on: ["opened_by"] }])

export default GroupDrawGroup
