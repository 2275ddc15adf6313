import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { transferToStoreCreditWorkflow } from "@fission/core/workflows"
import { readStoreCreditBalanceStep, commissionCurrency } from "../steps"

export type ConvertCommissionToStoreCreditWorkflowInput = {
  customer_id: string
  /** Decimal in major units, at most 2 decimals. */
  amount: string
  /** Same key = same conversion (a retried request converts once). Scoped to the customer. */
  idempotency_key: string
}

const storeCurrencyStep = createStep("fission-distribution-store-currency", async (_: void, { container }) => {
  return new StepResponse(await commissionCurrency(container))
})

export const commissionConversionKey = (customerId: string, key: string) => `commission-conversion:${customerId}:${key}`

/**
 * Converts available commission into loyalty store credit at once (SPEC §2.6): a
 * ledger posting `customer → platform:store_credit` (refused atomically if it would
 * overdraw, so it cannot race a withdrawal past the balance) and a credit to the
 * customer's `@medusajs/loyalty-plugin` store-credit account, once per key.
 */
export const convertCommissionToStoreCreditWorkflow = createWorkflow(
  "fission-distribution-convert-commission-to-store-credit",
  (input: ConvertCommissionToStoreCreditWorkflowInput) => {
    const currency_code = storeCurrencyStep()
    const transferInput = transform({ input, currency_code }, ({ input, currency_code }) => ({
      customer_id: input.customer_id,
      currency_code,
      amount: input.amount,
      asset: "commission" as const,
      idempotency_key: commissionConversionKey(input.customer_id, input.idempotency_key),
      reason: "commission.convert",
      source_type: "commission_conversion",
      source_id: input.customer_id,
      note: "commission converted to store credit",
    }))
    const transfer = transferToStoreCreditWorkflow.runAsStep({ input: transferInput })
    const balance = readStoreCreditBalanceStep(
      transform({ transfer }, ({ transfer }) => ({ account_id: transfer.store_credit.account_id as string }))
    )
    return new WorkflowResponse(
      transform({ transfer, balance, currency_code }, ({ transfer, balance, currency_code }) => ({
        posting_id: transfer.posting.id as string,
        amount: String(transfer.posting.amount),
        currency_code,
        store_credit_balance: balance,
        replayed: !!transfer.store_credit.replayed,
      }))
    )
  }
)
