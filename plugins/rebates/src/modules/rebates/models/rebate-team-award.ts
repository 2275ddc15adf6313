import { model } from "@medusajs/framework/utils"

/**
 * A team award paid to a member (SPEC §3.2, distribution's `commission.team_reward`
 * posting) and the dividend points it consumed. `frozen`: the member had too few
 * points, so the award's commission is held (a pending debit to
 * `platform:rebates_frozen_awards`) until released.
 */
const RebateTeamAward = model
  .define("rebate_team_award", {
    id: model.id({ prefix: "rbtaw" }).primaryKey(),
    posting_id: model.text(),
    posting_key: model.text(),
    customer_id: model.text(),
    currency_code: model.text(),
    amount: model.bigNumber(),
    points: model.number(),
    status: model.enum(["consumed", "frozen", "released", "reversed"]),
    // what of the award the hold covers (the available commission at freeze time, at most the award)
    held_amount: model.bigNumber().default(0),
    // of `amount`, reversed since (distribution's reversal of the commission, debt included)
    reversed_amount: model.bigNumber().default(0),
    // of the consumed `points`, given back for that reversal
    points_returned: model.number().default(0),
    frozen_at: model.dateTime().nullable(),
    consumed_at: model.dateTime().nullable(),
    released_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["posting_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["customer_id", "status"], where: "deleted_at IS NULL" },
  ])

export default RebateTeamAward
