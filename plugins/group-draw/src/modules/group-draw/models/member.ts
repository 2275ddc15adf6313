import { model } from "@medusajs/framework/utils"

/**
 * A paid seat: one order (unique) in one group. `seat` is the join order (1..size),
 * the order of participants in the fair draw. paid → won | lost → refunded: a loser's
 * order is canceled and refunded through a @fission/core refund request (cause key
 * `group_draw:<group>:<member>:refund`); the member is `refunded` once that request has
 * succeeded. Attempts, errors and retries live on the refund request.
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
    // red-envelope share in the currency's major unit, set by the draw
    envelope_share: model.bigNumber().nullable(),
  })
  .indexes([
    { on: ["group_id", "seat"], unique: true },
    { on: ["customer_id", "campaign_id"] },
    // the sweep looks for groups with losers whose refund has not succeeded yet
    { name: "IDX_group_draw_member_lost_group", on: ["group_id"], where: "status = 'lost' AND deleted_at IS NULL" },
  ])

export default GroupDrawMember
