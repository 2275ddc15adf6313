/**
 * How an approved withdrawal is paid out. The built-in `manual` provider pays
 * nothing itself: the admin paid outside Medusa (bank app, Alipay…) and types
 * the transfer reference, which is recorded. A store adds a provider through
 * the plugin options:
 *
 * ```ts
 * // medusa-config.ts
 * { resolve: "@fission/distribution", options: { withdrawal_payout_providers: [{
 *     id: "alipay",
 *     payout: async (w) => ({ reference: (await alipay.transfer(w.account, w.net_amount)).order_id }),
 * }] } }
 * ```
 * and the admin picks it with `POST /admin/fission/withdrawals/:id/mark-paid { provider_id: "alipay" }`.
 * `payout` runs once per withdrawal (after the withdrawal was claimed as paid in
 * the database, so concurrent clicks cannot pay twice); if it throws, the
 * withdrawal goes back to `approved` and no money moves in the ledger.
 */
export type WithdrawalPayoutRequest = {
  id: string
  customer_id: string
  amount: string
  fee: string
  /** What to pay the customer. */
  net_amount: string
  currency_code: string
  method: string
  account: string | null
  /** What the admin typed (required for `manual`). */
  reference?: string | null
  /** The admin user who marked it paid. */
  actor_id?: string | null
}

export interface WithdrawalPayoutProvider {
  id: string
  payout(withdrawal: WithdrawalPayoutRequest): Promise<{ reference: string }> | { reference: string }
}

export const MANUAL_PAYOUT_PROVIDER_ID = "manual"

export const manualPayoutProvider: WithdrawalPayoutProvider = {
  id: MANUAL_PAYOUT_PROVIDER_ID,
  payout(withdrawal) {
    const reference = withdrawal.reference?.trim()
    if (!reference) throw new Error("reference is required for a manual payout")
    return { reference }
  },
}

/** The plugin option that lists extra providers. */
export const PAYOUT_PROVIDERS_OPTION = "withdrawal_payout_providers"

/** Built-in `manual` plus the configured providers (a configured `manual` replaces the built-in one). */
export function payoutProviderRegistry(configured: unknown): Map<string, WithdrawalPayoutProvider> {
  const registry = new Map<string, WithdrawalPayoutProvider>([[manualPayoutProvider.id, manualPayoutProvider]])
  for (const p of Array.isArray(configured) ? configured : []) {
    if (p && typeof p.id === "string" && p.id && typeof p.payout === "function") registry.set(p.id, p)
    else throw new Error(`${PAYOUT_PROVIDERS_OPTION}: every provider needs an id and a payout function`)
  }
  return registry
}
