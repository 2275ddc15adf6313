import { model } from "@medusajs/framework/utils"

/**
 * A paid seat: one order (unique) in one group. `seat` is the join order (1..size),
 * the order of participants in the fair draw. Losers' orders are canceled, which
 * refunds the captured payment; a failed cancel leaves `refund_status = failed`
 * for the retry job.
 */
const GroupDrawMember = model
  .define("group_draw_member", {
    id: model.id({ prefix: "gdm" }).primaryKey(),
    group_id: model.text(),
    campaign_id: model.text(),
    customer_id: model.text(),
    order_id: model.text().unique(),
    line_item_id: model.text().nullable(),
    client_seed: model.text().nullable(),
    seat: model.number(),
    status: model.enum(["paid", "won", "lost", "refunded"]).default("paid"),
    refund_status: model.enum(["none", "pending", "refunded", "failed"]).default("none"),
    refund_attempts: model.number().default(0),
    refund_error: model.text().nullable(),
    // red-envelope share in the currency's major unit, set by the draw
    envelope_share: model.bigNumber().nullable(),
  })
  .indexes([
    { on: ["group_id", "seat"], unique: true },
    { on: ["customer_id", "campaign_id"] },
    { on: ["refund_status"] },
  ])

export default GroupDrawMember
