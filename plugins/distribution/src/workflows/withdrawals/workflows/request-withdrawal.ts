import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { postLedgerEntriesStep } from "@fission/core/workflows"
import { customer, platform } from "@fission/core/utils"
import { withdrawalFeePostingKey, withdrawalPostingKey } from "../../../utils/withdrawals"
import { createWithdrawalStep, loadWithdrawalContextStep, validateWithdrawalRequestStep } from "../steps"
import type { WithdrawalRow } from "../../../modules/distribution/withdrawal-rows"

export type RequestWithdrawalWorkflowInput = {
  customer_id: string
  /** Decimal in major units, at most 2 decimals. */
  amount: string | number
  method: string
  account?: string | null
}

/** The pending debits that reserve a request's amount: payout and fee, held atomically. */
export function withdrawalHoldEntries(w: WithdrawalRow) {
  const base = {
    asset: "commission" as const,
    currency_code: w.currency_code,
    from: customer(w.customer_id),
    status: "pending" as const,
    source_type: "withdrawal",
    source_id: w.id,
    note: `withdrawal via ${w.method}`,
  }
  const entries = [
    { ...base, idempotency_key: withdrawalPostingKey(w.id), amount: String(w.net_amount), to: platform("withdrawals"), reason: "withdrawal" },
  ]
  if (Number(w.fee) > 0) {
    entries.push({ ...base, idempotency_key: withdrawalFeePostingKey(w.id), amount: String(w.fee), to: platform("withdrawal_fees"), reason: "withdrawal.fee" })
  }
  return entries
}

/**
 * A customer asks to cash out available commission (SPEC §2.6).
 *
 * 1. checks minimum, method/account and computes the fee (exact, half-up to the cent);
 * 2. records the request within the daily count limit (decided in Postgres under a per-customer lock);
 * 3. holds the amount in the ledger: pending debits `customer → platform:withdrawals` (net, key
 *    `withdrawal:<id>`) and `customer → platform:withdrawal_fees` (fee, key `withdrawal:<id>:fee`),
 *    in one ledger transaction that refuses overdrafts — so concurrent requests (or a request racing
 *    a conversion to store credit) can never take more than the balance. If the hold is refused
 *    the request row is deleted again.
 *
 * Nothing requires an *active* promoter: already-earned available commission stays withdrawable
 * after a promoter is disabled (disabled stops earning, keeps history); the ledger balance decides.
 */
export const requestWithdrawalWorkflow = createWorkflow(
  "fission-distribution-request-withdrawal",
  (input: RequestWithdrawalWorkflowInput) => {
    const context = loadWithdrawalContextStep()
    const breakdown = validateWithdrawalRequestStep({
      customer_id: input.customer_id,
      amount: input.amount,
      method: input.method,
      account: input.account,
      context,
    })
    const row = transform({ input, breakdown, context }, ({ input, breakdown, context }) => ({
      customer_id: input.customer_id,
      ...breakdown,
      currency_code: context.currency_code,
      method: input.method,
      account: input.account?.trim() || null,
      daily_limit: context.settings.daily_limit,
    }))
    const withdrawal = createWithdrawalStep(row)
    postLedgerEntriesStep(transform({ withdrawal }, ({ withdrawal }) => withdrawalHoldEntries(withdrawal)))
    return new WorkflowResponse(withdrawal)
  }
)
