import { largestRemainderSplit, mulDiv, rateFraction, toMinor } from "@fission/core/utils"

/**
 * The dividend pool (SPEC §3.3): a fixed amount or a share of the month's paid
 * GMV, split over every holder with more than `threshold` dividend points, pro rata
 * to their points, largest-remainder to the cent (shares sum exactly to the pool;
 * a tie in the remainder goes to the smaller customer id). The ledger's set-based
 * `postProRata` computes the same split in SQL; this is the rule it implements.
 */
export type PoolSettings = { pool_mode: "fixed" | "gmv_rate"; pool_amount: string | number; pool_rate: string | number }

/** The pool in minor units: the fixed amount, or GMV × rate rounded half-up to the cent. */
export function poolMinor(settings: PoolSettings, gmv: string | number): bigint {
  if (settings.pool_mode === "fixed") return toMinor(settings.pool_amount)
  const [n, d] = rateFraction(settings.pool_rate)
  return mulDiv(toMinor(gmv), n, d)
}

export type Holder = { customer_id: string; points: number | string }

/** Holders strictly above the threshold, each with their share of `pool` in minor units. */
export function poolShares(pool: bigint, holders: Holder[], threshold: number) {
  const eligible = holders
    .filter((h) => BigInt(h.points) > BigInt(threshold))
    .sort((a, b) => (a.customer_id < b.customer_id ? -1 : a.customer_id > b.customer_id ? 1 : 0))
  const shares = largestRemainderSplit(pool, eligible.map((h) => BigInt(h.points)))
  return eligible.map((h, i) => ({ customer_id: h.customer_id, points: BigInt(h.points), share: shares[i] }))
}
