import { model } from "@medusajs/framework/utils"

/**
 * Which lots a debit consumed (positive amount) or a reversal/void gave back
 * (negative amount). A lot's remaining amount is its credit minus the sum of
 * its allocations, so lot history stays append-only too.
 */
const LedgerLotAllocation = model
  .define("ledger_lot_allocation", {
    id: model.id({ prefix: "lalc" }).primaryKey(),
    posting_id: model.text().index(),
    lot_posting_id: model.text().index(),
    account_id: model.text(),
    amount: model.bigNumber(),
  })

export default LedgerLotAllocation
