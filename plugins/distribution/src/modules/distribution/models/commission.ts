import { model } from "@medusajs/framework/utils"

/**
 * What one line item paid one beneficiary. Money lives in the ledger (posting key
 * `posting_key`); this row is the queryable record behind the commission lists.
 */
const Commission = model
  .define("commission", {
    id: model.id({ prefix: "comm" }).primaryKey(),
    order_id: model.text(),
    line_item_id: model.text().nullable(),
    product_id: model.text().nullable(),
    buyer_id: model.text(),
    beneficiary_id: model.text(),
    kind: model.enum(["sale", "self_purchase", "team_leader", "team_reward"]).default("sale"),
    level: model.number(),
    base_amount: model.bigNumber(),
    rate: model.bigNumber().nullable(),
    fixed_per_unit: model.bigNumber().nullable(),
    quantity: model.number().default(1),
    amount: model.bigNumber(),
    reversed_amount: model.bigNumber().default(0),
    currency_code: model.text(),
    status: model.enum(["pending", "available", "voided", "reversed"]).default("pending"),
    posting_key: model.text().unique(),
    available_at: model.dateTime().nullable(),
    settled_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["beneficiary_id", "status"] },
    { on: ["order_id"] },
    { on: ["status", "available_at"] },
    { on: ["buyer_id"] },
    { on: ["created_at"] },
  ])

export default Commission
