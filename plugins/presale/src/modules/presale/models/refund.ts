import { model } from "@medusajs/framework/utils"

/**
 * One refund the engine decided (the outbox of core's refund requests). Written in the same
 * transaction that raises the participant's `refund_requested`, then handed to
 * @fission/core as a refund request with the same `cause_key` (idempotent per key), so a crash
 * between the two is finished by the next pass without paying twice.
 * kind: step (rebate steps, each_step), free (free order won), close (at_close settlement),
 * full (minimum not reached / canceled), late (paid after the campaign ended or sold out).
 */
const PresaleRefund = model
  .define("presale_refund", {
    id: model.id({ prefix: "psr" }).primaryKey(),
    campaign_id: model.text(),
    participant_id: model.text().nullable(),
    order_id: model.text(),
    cause_key: model.text().unique(),
    kind: model.enum(["step", "free", "close", "full", "late"]),
    mode: model.enum(["partial", "cancel"]).default("partial"),
    destination: model.enum(["original_payment", "store_credit"]).default("original_payment"),
    // null for a cancel (everything still captured)
    amount: model.bigNumber().nullable(),
    status: model.enum(["pending", "requested", "succeeded", "failed"]).default("pending"),
    request_id: model.text().nullable(),
    refunded_amount: model.bigNumber().nullable(),
  })
  .indexes([
    { on: ["campaign_id", "status"] },
    { on: ["participant_id"] },
    { on: ["order_id"] },
  ])

export default PresaleRefund
