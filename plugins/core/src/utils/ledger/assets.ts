/**
 * The reward assets of SPEC §0.2 and how the ledger treats customer accounts of each.
 * - `spendable`: a customer balance may never go below zero (a reversal's shortfall
 *   becomes debt); tracking assets (growth) may go negative.
 * - `lots`: credits are lots with an expiry, spent soonest-expiring first.
 * - `scale`: decimal places an amount may carry (money in the currency's minor unit).
 */
export const ASSET_POLICIES = {
  commission: { spendable: true, lots: false, money: true, scale: 2 },
  points: { spendable: true, lots: true, money: false, scale: 0 },
  growth: { spendable: false, lots: false, money: false, scale: 0 },
  dividend_points: { spendable: true, lots: false, money: false, scale: 0 },
  shopping_fund: { spendable: true, lots: false, money: true, scale: 2 },
  voucher: { spendable: true, lots: false, money: false, scale: 2 },
  // Platform-funded cash credit paid into loyalty store credit (red envelopes, loser rewards):
  // recorded here so every payout has a posting, the spendable balance lives in the loyalty plugin.
  store_credit: { spendable: true, lots: false, money: true, scale: 2 },
} as const

export type LedgerAsset = keyof typeof ASSET_POLICIES
export const LEDGER_ASSETS = Object.keys(ASSET_POLICIES) as LedgerAsset[]

export const isLedgerAsset = (asset: unknown): asset is LedgerAsset =>
  typeof asset === "string" && Object.prototype.hasOwnProperty.call(ASSET_POLICIES, asset)

export type OwnerType = "customer" | "platform"
export type AccountPurpose = "main" | "debt"

/** Identifies an account; accounts are created on first use. */
export type AccountRef = {
  owner_type: OwnerType
  owner_id: string
  purpose?: AccountPurpose
}

export const platform = (purpose: string): AccountRef => ({ owner_type: "platform", owner_id: purpose })
export const customer = (customerId: string, purpose: AccountPurpose = "main"): AccountRef => ({
  owner_type: "customer",
  owner_id: customerId,
  purpose,
})

export function accountKey(ref: AccountRef, asset: string, currencyCode?: string | null) {
  return `${ref.owner_type}:${ref.owner_id}:${asset}:${currencyCode ?? "-"}:${ref.purpose ?? "main"}`
}

/** Customer main accounts of spendable assets are the only ones that must stay ≥ 0. */
export function accountFlags(ref: AccountRef, asset: LedgerAsset) {
  const policy = ASSET_POLICIES[asset]
  const isCustomerMain = ref.owner_type === "customer" && (ref.purpose ?? "main") === "main"
  return {
    allow_negative: !(isCustomerMain && policy.spendable),
    tracks_lots: isCustomerMain && policy.lots,
  }
}
