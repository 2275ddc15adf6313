import { model } from "@medusajs/framework/utils"

/**
 * A paid top-up line of an order, credited to store credit once (unique per line;
 * store-credit reference `fission_wallet_top_up`, reference_id = the line id).
 */
const WalletTopUp = model
  .define("fission_wallet_top_up", {
    id: model.id({ prefix: "fwtop" }).primaryKey(),
    line_item_id: model.text(),
    order_id: model.text(),
    customer_id: model.text(),
    currency_code: model.text(),
    amount: model.bigNumber(),
    status: model.enum(["pending", "credited"]).default("pending"),
    transaction_id: model.text().nullable(),
    credited_at: model.dateTime().nullable(),
  })
  .indexes([
    { name: "IDX_fission_wallet_top_up_line_unique", on: ["line_item_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_fission_wallet_top_up_order", on: ["order_id"], where: "deleted_at IS NULL" },
    { name: "IDX_fission_wallet_top_up_customer", on: ["customer_id"], where: "deleted_at IS NULL" },
  ])

export default WalletTopUp
