import { ASSET_POLICIES, LedgerAsset } from "../../utils/ledger/assets"

// Response shapes of the admin ledger API (src/api/admin/fission/ledger, src/api/utils/wallet.ts).
export type WalletBalance = {
  asset: LedgerAsset
  currency_code: string | null
  posted: number
  pending_in: number
  pending_out: number
  available: number
  debt: number
}
export type Wallet = {
  customer_id: string
  balances: WalletBalance[]
  store_credit: { account_id: string; currency_code: string; balance: number }[]
}
/** A line of the wallet history: a ledger posting, or a loyalty store-credit transaction. */
export type LedgerPosting = {
  id: string
  origin: "ledger" | "store_credit"
  asset: LedgerAsset
  currency_code: string | null
  /** Signed from the customer's point of view. */
  amount: number
  direction: "credit" | "debit"
  account: string
  status: "pending" | "posted" | "voided"
  reason: string
  source_type: string | null
  source_id: string | null
  note: string | null
  reverses_posting_id: string | null
  /** The ledger posting; on a store-credit line, the posting that paid it (null: not from Fission). */
  posting_id: string | null
  expires_at: string | null
  created_at: string
}
export type HistoryPage = { postings: LedgerPosting[]; next_cursor: string | null; limit: number }
export type Reconciliation = {
  ok: boolean
  assets: { asset: LedgerAsset; currency_code: string | null; total: string; accounts: number; balanced: boolean }[]
  counter_mismatches: {
    id: string
    key: string
    counter_posted: string
    derived_posted: string
    counter_pending_in: string
    derived_pending_in: string
    counter_pending_out: string
    derived_pending_out: string
  }[]
  asset_mismatches: string[]
  negative_accounts: { id: string; key: string; available: string }[]
  checked_at: string
}
export type PlatformBalance = {
  purpose: string
  asset: LedgerAsset
  currency_code: string | null
  balance: number
  pending_in: number
  pending_out: number
}

/** The asset's name in the dashboard language (`fission-core` keys `asset.<asset>`). */
export const assetLabel = (asset: string, t: (key: string) => string) => {
  const key = `asset.${asset}`
  const label = t(key)
  return label === key ? asset : label
}

/**
 * A posting's reason code (`points.check_in`, `commission.level1`, …) in the dashboard language
 * (`fission-core` keys `reasons.<code with __ for .>`); a code without a translation shows as is.
 */
export const reasonLabel = (reason: string, t: (key: string) => string) => {
  const key = `reasons.${reason.replace(/\./g, "__")}`
  const label = t(key)
  return label === key ? reason : label
}

export const isMoneyAsset = (asset: string) => Boolean(ASSET_POLICIES[asset as LedgerAsset]?.money)

/** Credits of these assets are lots that can expire (an adjustment may set the date). */
export const isLotAsset = (asset: string) => Boolean(ASSET_POLICIES[asset as LedgerAsset]?.lots)

/** Store credit lives in the loyalty plugin; the ledger only records payouts into it. */
export const ADJUSTABLE_ASSETS = (Object.keys(ASSET_POLICIES) as LedgerAsset[]).filter((a) => a !== "store_credit")
export const HISTORY_ASSETS = Object.keys(ASSET_POLICIES) as LedgerAsset[]

export const DEFAULT_CURRENCY = "cny"

/** Amounts arrive as decimal numbers in major units; show them with the asset's scale. */
export function formatAmount(amount: number | string, asset: string, opts: { signed?: boolean } = {}) {
  const scale = ASSET_POLICIES[asset as LedgerAsset]?.scale ?? 2
  const n = Number(amount)
  const text = new Intl.NumberFormat(undefined, { minimumFractionDigits: scale, maximumFractionDigits: scale }).format(n)
  return opts.signed && n > 0 ? `+${text}` : text
}

export const currencyLabel = (code: string | null | undefined) => (code ? code.toUpperCase() : "")

/**
 * A fresh idempotency key. `crypto.randomUUID` only exists in secure contexts (HTTPS or
 * localhost); an admin served over plain HTTP elsewhere still has `getRandomValues`.
 */
export function newIdempotencyKey() {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return `adm_${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`
}

/** Everything ledger-related shares one prefix, so an adjustment can invalidate it all. */
export const ledgerKeys = {
  all: ["fission", "ledger"] as const,
  wallet: (customerId: string) => ["fission", "ledger", "wallet", customerId] as const,
  history: (customerId: string, asset: string) => ["fission", "ledger", "history", customerId, asset] as const,
  reconciliation: ["fission", "ledger", "reconciliation"] as const,
  platformBalances: ["fission", "ledger", "platform-balances"] as const,
}
