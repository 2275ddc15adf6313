import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ASSET_POLICIES, customer, isLedgerAsset, LedgerAsset, platform } from "../../../utils/ledger"
import { postLedgerEntriesStep } from "../steps"

export type AdjustLedgerBalanceWorkflowInput = {
  customer_id: string
  asset: LedgerAsset
  currency_code?: string | null
  /** Signed: positive credits the customer, negative debits. */
  amount: string | number
  reason: string
  note?: string | null
  /**
   * When the credited lot expires (lot assets such as points; default never). Refused on
   * debits — a debit consumes existing lots — and on assets without lots.
   */
  expires_at?: Date | string | null
  actor_id: string
  idempotency_key: string
}

const validateAdjustmentStep = createStep("fission-validate-ledger-adjustment", async (input: AdjustLedgerBalanceWorkflowInput) => {
  if (!input.reason?.trim()) throw new MedusaError(MedusaError.Types.INVALID_DATA, "reason is required for a manual adjustment")
  if (!/^-?\d+(\.\d+)?$/.test(String(input.amount).trim()) || Number(input.amount) === 0) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "amount must be a non-zero decimal number")
  }
  if (input.expires_at != null) assertExpiry(input)
})

function assertExpiry(input: AdjustLedgerBalanceWorkflowInput) {
  const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
  const expires = new Date(input.expires_at!)
  if (Number.isNaN(expires.getTime())) throw invalid("expires_at must be a valid date-time")
  if (String(input.amount).trim().startsWith("-")) {
    throw invalid("expires_at applies only to credits: a debit consumes the customer's existing lots, soonest-expiring first")
  }
  if (!isLedgerAsset(input.asset) || !ASSET_POLICIES[input.asset].lots) {
    const lotAssets = Object.entries(ASSET_POLICIES).filter(([, p]) => p.lots).map(([a]) => a)
    throw invalid(`expires_at applies only to assets whose credits expire (${lotAssets.join(", ")}), not ${input.asset}`)
  }
  if (expires.getTime() <= Date.now()) throw invalid("expires_at must be in the future")
}

/** An admin's manual correction, posted against `platform:adjustments` with a mandatory reason (SPEC §1). */
export const adjustLedgerBalanceWorkflow = createWorkflow(
  "fission-adjust-ledger-balance",
  (input: AdjustLedgerBalanceWorkflowInput) => {
    validateAdjustmentStep(input)
    const entries = transform({ input }, ({ input }) => {
      const text = String(input.amount).trim()
      const debit = text.startsWith("-")
      return [
        {
          idempotency_key: `adjustment:${input.idempotency_key}`,
          asset: input.asset,
          currency_code: input.currency_code ?? null,
          amount: debit ? text.slice(1) : text,
          from: debit ? customer(input.customer_id) : platform("adjustments"),
          to: debit ? platform("adjustments") : customer(input.customer_id),
          reason: "adjustment",
          source_type: "admin.user",
          source_id: input.actor_id,
          note: input.note ? `${input.reason}: ${input.note}` : input.reason,
          expires_at: input.expires_at ?? null,
          metadata: { reason: input.reason },
        },
      ]
    })
    const results = postLedgerEntriesStep(entries)
    return new WorkflowResponse(transform({ results }, ({ results }) => results[0]))
  }
)
