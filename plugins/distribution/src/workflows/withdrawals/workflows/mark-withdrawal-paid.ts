import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { settleLedgerEntriesStep } from "@fission/core/workflows"
import { payoutWithdrawalStep, transitionWithdrawalStep, validatePayoutStep } from "../steps"
import { withdrawalHoldKeys } from "./reject-withdrawal"

export type MarkWithdrawalPaidWorkflowInput = {
  withdrawal_id: string
  actor_id: string
  /** The transfer reference; required for the `manual` provider. */
  reference?: string | null
  /** A payout provider id (default `manual`). */
  provider_id?: string | null
}

/**
 * approved → paid: claims the withdrawal (once, under a row lock), pays it through
 * the provider (`manual` records the admin's reference), then posts the held debits:
 * the net amount stays in `platform:withdrawals` (paid out), the fee in
 * `platform:withdrawal_fees`. If the payout fails the withdrawal returns to approved
 * and the amount stays held.
 */
export const markWithdrawalPaidWorkflow = createWorkflow(
  "fission-distribution-mark-withdrawal-paid",
  (input: MarkWithdrawalPaidWorkflowInput) => {
    validatePayoutStep({ provider_id: input.provider_id, reference: input.reference })
    const claimed = transitionWithdrawalStep({ id: input.withdrawal_id, action: "mark_paid", stamp_paid_at: true })
    const withdrawal = payoutWithdrawalStep({
      withdrawal: claimed,
      provider_id: input.provider_id,
      reference: input.reference,
      actor_id: input.actor_id,
    })
    // last: posting a hold is final
    settleLedgerEntriesStep(
      transform({ claimed }, ({ claimed }) =>
        withdrawalHoldKeys(claimed).map((idempotency_key) => ({ idempotency_key, action: "post" as const }))
      )
    )
    return new WorkflowResponse(withdrawal)
  }
)
