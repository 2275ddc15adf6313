import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ReverseInput } from "../../../modules/ledger"
import { reverseLedgerEntriesStep } from "../steps"

export type ReverseLedgerEntriesWorkflowInput = { entries: ReverseInput[] }

/**
 * Reverses entries in full or in part (refunds, cancellations, returns; SPEC §0.4)
 * with new postings linked to the original. A reversal of a pending entry is
 * pending too and follows the original's settlement. With `on_shortfall: "debt"`
 * the part a customer already spent is recorded as debt and repaid first from
 * later earnings of the same asset.
 *
 * @example
 * await reverseLedgerEntriesWorkflow(container).run({
 *   input: { entries: [{ idempotency_key: `commission:${order.id}:level1`,
 *     reversal_key: `commission:${order.id}:level1:refund:${refund.id}`, amount: "50", on_shortfall: "debt" }] },
 * })
 */
export const reverseLedgerEntriesWorkflow = createWorkflow(
  "fission-reverse-ledger-entries",
  (input: ReverseLedgerEntriesWorkflowInput) => new WorkflowResponse(reverseLedgerEntriesStep(input.entries))
)
