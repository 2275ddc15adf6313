import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { PostingInput } from "../../../modules/ledger"
import { AccountRef, customer, LedgerAsset, platform } from "../../../utils/ledger"
import { creditStoreCreditStep, postLedgerEntriesStep } from "../steps"

export type TransferToStoreCreditWorkflowInput = {
  customer_id: string
  currency_code: string
  amount: string | number
  idempotency_key: string
  /** A money asset: `commission`/`shopping_fund` from the customer, `store_credit` from a platform budget. */
  asset: Extract<LedgerAsset, "commission" | "shopping_fund" | "store_credit">
  /** Default: the customer's own account of `asset`; e.g. `platform("red_envelopes")` for platform-funded credit. */
  from?: AccountRef
  reason: string
  source_type: string
  source_id: string
  note?: string | null
}

/** The ledger posting of a store-credit transfer: `from` → `platform:store_credit`, for the customer. */
export const storeCreditPostingOf = (input: TransferToStoreCreditWorkflowInput): PostingInput => ({
  idempotency_key: input.idempotency_key,
  asset: input.asset,
  currency_code: input.currency_code,
  amount: input.amount,
  from: input.from ?? customer(input.customer_id),
  to: platform("store_credit"),
  reason: input.reason,
  source_type: input.source_type,
  source_id: input.source_id,
  note: input.note,
  metadata: { store_credit_customer_id: input.customer_id },
})

/**
 * Pays cash-value credit into the customer's `@medusajs/loyalty-plugin` store-credit
 * account, spendable through Medusa's cart credit lines (SPEC §0.2). The ledger
 * posting (`from` → `platform:store_credit`) and the store-credit transaction are
 * both keyed by `idempotency_key`, so a retry pays once; if the credit fails the
 * posting is reversed.
 */
export const transferToStoreCreditWorkflow = createWorkflow(
  "fission-transfer-to-store-credit",
  (input: TransferToStoreCreditWorkflowInput) => {
    const entries = transform({ input }, ({ input }) => [storeCreditPostingOf(input)])
    const posted = postLedgerEntriesStep(entries)
    const credit = transform({ input, posted }, ({ input, posted }) => ({
      customer_id: input.customer_id,
      currency_code: input.currency_code,
      amount: String(posted[0].posting.amount),
      posting_id: posted[0].posting.id,
      note: input.note,
    }))
    const storeCredit = creditStoreCreditStep(credit)
    const posting = transform({ posted }, ({ posted }) => posted[0].posting)
    return new WorkflowResponse({ posting, store_credit: storeCredit })
  }
)
