import { createStep, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { settleLedgerEntriesStep } from "@fission/core/workflows"
import { withdrawalFeePostingKey, withdrawalPostingKey } from "../../../utils/withdrawals"
import { transitionWithdrawalStep } from "../steps"
import type { WithdrawalRow } from "../../../modules/distribution/withdrawal-rows"

export type RejectWithdrawalWorkflowInput = { withdrawal_id: string; reason: string; actor_id: string }

const requireReasonStep = createStep("fission-distribution-require-rejection-reason", async (input: { reason: string }) => {
  if (!input.reason?.trim()) throw new MedusaError(MedusaError.Types.INVALID_DATA, "reason is required to reject a withdrawal")
})

/** The ledger keys of a withdrawal's holds (the fee hold exists only when fee > 0). */
export const withdrawalHoldKeys = (w: WithdrawalRow) =>
  Number(w.fee) > 0 ? [withdrawalPostingKey(w.id), withdrawalFeePostingKey(w.id)] : [withdrawalPostingKey(w.id)]

/**
 * requested|approved → rejected with a mandatory reason; voids the held debits so
 * the whole amount (fee included) is available again.
 */
export const rejectWithdrawalWorkflow = createWorkflow(
  "fission-distribution-reject-withdrawal",
  (input: RejectWithdrawalWorkflowInput) => {
    requireReasonStep({ reason: input.reason })
    const withdrawal = transitionWithdrawalStep({
      id: input.withdrawal_id,
      action: "reject",
      review_reason: transform({ input }, ({ input }) => input.reason.trim()),
      reviewed_by: input.actor_id,
      stamp_reviewed_at: true,
    })
    // last: a void is final
    settleLedgerEntriesStep(
      transform({ withdrawal }, ({ withdrawal }) =>
        withdrawalHoldKeys(withdrawal).map((idempotency_key) => ({ idempotency_key, action: "void" as const }))
      )
    )
    return new WorkflowResponse(withdrawal)
  }
)
