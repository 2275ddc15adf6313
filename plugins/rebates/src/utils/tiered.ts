import { mulDiv, rateFraction, toMinor } from "@fission/core/utils"

/**
 * Classic retroactive volume rebate (SPEC §3.4): spend ≥ X in the period → Y %
 * back on the whole period's spend (the reached tier's rate applies from the first
 * unit, not only above X). Rounded half-up to the cent. A later refund in the
 * period lowers the spend; the rebate is recomputed and the difference reversed.
 */
export type Tier = { min_spend: string | number; rate: string | number }

export function tierFor(tiers: Tier[], spendMinor: bigint): Tier | null {
  let best: Tier | null = null
  for (const t of tiers) {
    if (spendMinor >= toMinor(t.min_spend) && (!best || toMinor(t.min_spend) > toMinor(best.min_spend))) best = t
  }
  return best
}

/** The rebate in minor units for a period's spend (minor units). */
export function tieredRebateMinor(tiers: Tier[], spendMinor: bigint): bigint {
  const tier = tierFor(tiers, spendMinor)
  if (!tier || spendMinor <= 0n) return 0n
  const [n, d] = rateFraction(tier.rate)
  return mulDiv(spendMinor, n, d)
}
