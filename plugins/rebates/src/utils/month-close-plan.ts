import { MedusaContainer } from "@medusajs/framework/types"
import { fromMinor } from "@fission/core/utils"
import type { ProRataInput } from "@fission/core/modules/ledger"
import { poolMinor } from "./pool"
import { rebateCurrency, rebateRules } from "./store"

type Resolver = MedusaContainer

export const POOL_SOURCE_TYPE = "rebates.pool_run"
export const POOL_PAYOUT_REASON = "rebates.pool_payout"
export const POINTS_RESET_REASON = "rebates.points_reset"

/** What a month close would pay, from today's settings: currency, GMV, pool (SPEC §3.3). */
export async function monthClosePlan(container: Resolver, month: string) {
  const { service, settings } = await rebateRules(container)
  const currency_code = await rebateCurrency(container, settings)
  const gmv = await service.monthGmv(month, currency_code)
  const pool = poolMinor(
    { pool_mode: settings.pool_mode as any, pool_amount: String(settings.pool_amount), pool_rate: String(settings.pool_rate) },
    gmv
  )
  return { service, settings, currency_code, gmv, pool_minor: pool, pool_amount: fromMinor(pool) }
}

/** The set-based ledger run of a month's pool: shares of every holder above the threshold, paid as `asset`. */
export function proRataInputOf(a: {
  month: string
  run_id: string
  currency_code: string
  pool_minor: bigint
  threshold: number
  asset: "commission" | "store_credit"
  reset: boolean
}): ProRataInput {
  return {
    basis: { asset: "dividend_points", above: String(a.threshold) },
    total_minor: a.pool_minor.toString(),
    payout: {
      asset: a.asset,
      currency_code: a.currency_code,
      from: "rebates_pool",
      reason: POOL_PAYOUT_REASON,
      source_type: POOL_SOURCE_TYPE,
      source_id: a.run_id,
      key_prefix: `rebates:pool:${a.month}:`,
    },
    consume_basis: a.reset ? { to: "rebates_points_reset", reason: POINTS_RESET_REASON, key_prefix: `rebates:reset:${a.month}:` } : null,
  }
}
