import { MedusaContainer } from "@medusajs/framework/types"
import { LEDGER_MODULE, LedgerModuleService } from "@fission/core/modules/ledger"
import { fromMinor, toMinor } from "@fission/core/utils"
import { monthClosePlan, proRataInputOf } from "./month-close-plan"
import { poolRunView } from "./pool-runs"
import { tieredRebateMinor } from "./tiered"

type Resolver = MedusaContainer

/**
 * What closing `month` would pay now (SPEC §3.3 "previewable"): GMV, pool, the holders
 * above the threshold and their points, the largest shares, and the tiered rebates —
 * the same set-based computation as the close, in a read-only run. If the month is
 * closed already, the run says so (and nothing would be paid again).
 */
export async function monthClosePreview(container: Resolver, month: string) {
  const plan = await monthClosePlan(container, month)
  const ledger = container.resolve<LedgerModuleService>(LEDGER_MODULE)
  const [run] = await plan.service.listRebatePoolRuns({ month })
  const shares = await ledger.postProRata({
    ...proRataInputOf({
      month,
      run_id: "preview",
      currency_code: plan.currency_code,
      pool_minor: plan.pool_minor,
      threshold: Number(plan.settings.pool_threshold),
      asset: plan.settings.payout_destination === "store_credit" ? "store_credit" : "commission",
      reset: false,
    }),
    dry_run: true,
    sample: 20,
  })
  let tiered = { payouts: 0, amount: "0" }
  const tiers = (plan.settings.tiered_tiers as unknown as any[]) ?? []
  if (plan.settings.tiered_enabled && tiers.length) {
    let after: string | null = null
    let total = 0n
    for (;;) {
      const spends = await plan.service.monthSpends({ month, currency_code: plan.currency_code, after, limit: 1000 })
      if (!spends.length) break
      after = spends[spends.length - 1].customer_id
      for (const s of spends) {
        const r = tieredRebateMinor(tiers, toMinor(s.spend))
        if (r > 0n) {
          tiered.payouts++
          total += r
        }
      }
    }
    tiered.amount = fromMinor(total)
  }
  return {
    month,
    currency_code: plan.currency_code,
    pool_mode: plan.settings.pool_mode,
    pool_rate: Number(plan.settings.pool_rate),
    gmv: Number(plan.gmv),
    pool_amount: Number(plan.pool_amount),
    threshold: Number(plan.settings.pool_threshold),
    payout_destination: plan.settings.payout_destination,
    points_after_close: plan.settings.points_after_close,
    holders: shares.holders,
    total_points: shares.basis_total,
    paid_total: Number(shares.paid_total),
    top_shares: shares.shares.map((s) => ({ customer_id: s.customer_id, points: Number(s.basis), amount: Number(s.amount) })),
    tiered: { payouts: tiered.payouts, amount: Number(tiered.amount) },
    run: run ? poolRunView(run) : null,
  }
}
