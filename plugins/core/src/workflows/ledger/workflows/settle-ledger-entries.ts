import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SettleInput } from "../../../modules/ledger"
import { settleLedgerEntriesStep } from "../steps"

export type SettleLedgerEntriesWorkflowInput = { entries: SettleInput[] }

/**
 * Moves pending entries to posted (e.g. commission after delivery + freeze days)
 * or voided (e.g. order canceled before payment). Settling twice the same way is a
 * no-op; pending reversals of an entry follow it.
 *
 * @example
 * await settleLedgerEntriesWorkflow(container).run({
 *   input: { entries: [{ idempotency_key: `commission:${order.id}:level1`, action: "post" }] },
 * })
 */
export const settleLedgerEntriesWorkflow = createWorkflow(
  "fission-settle-ledger-entries",
  (input: SettleLedgerEntriesWorkflowInput) => new WorkflowResponse(settleLedgerEntriesStep(input.entries))
)
