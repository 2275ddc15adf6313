import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PostingInput } from "../../../modules/ledger"
import { postLedgerEntriesStep } from "../steps"

export type PostLedgerEntriesWorkflowInput = { entries: PostingInput[] }

/**
 * Posts entries to the Fission ledger, atomically and idempotently. Use
 * `status: "pending"` to hold (freeze) an amount until it is settled.
 *
 * @example
 * await postLedgerEntriesWorkflow(container).run({
 *   input: {
 *     entries: [{
 *       idempotency_key: `commission:${order.id}:level1`,
 *       asset: "commission", currency_code: "cny", amount: "100",
 *       from: platform("commissions"), to: customer(referrerId),
 *       status: "pending", reason: "commission.level1", source_type: "order", source_id: order.id,
 *     }],
 *   },
 * })
 */
export const postLedgerEntriesWorkflow = createWorkflow(
  "fission-post-ledger-entries",
  (input: PostLedgerEntriesWorkflowInput) => new WorkflowResponse(postLedgerEntriesStep(input.entries))
)
