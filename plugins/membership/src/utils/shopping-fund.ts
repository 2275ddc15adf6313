/**
 * Shopping-fund release amount (SPEC §6.6): `available × rate`, rounded down to
 * the cent, but at least one cent while a cent is available (so a small fund
 * still runs out instead of stalling at a fraction). Works in integer cents so
 * no floating-point total drifts; returns a decimal string for the ledger, or
 * null when nothing is to be released.
 */
export function shoppingFundRelease(available: string | number, rate: string | number): string | null {
  const cents = Math.floor(Number(available) * 100 + 1e-6)
  const r = Number(rate)
  if (!(cents >= 1) || !(r > 0)) return null
  // the epsilon absorbs binary noise such as 9900 × 0.01 = 98.99999…
  const release = Math.min(cents, Math.max(1, Math.floor(cents * r + 1e-6)))
  return (release / 100).toFixed(2)
}

/** One daily release per customer, local date and currency (a customer may hold funds in several currencies). */
export const shoppingFundReleaseKey = (customer_id: string, date: string, currency_code: string) =>
  `shopping-fund-release:${customer_id}:${date}:${currency_code}`
export const shoppingFundBonusKey = (order_id: string) => `shopping-fund-bonus:${order_id}`
export const shoppingFundInviteBonusKey = (order_id: string) => `shopping-fund-invite-bonus:${order_id}`
