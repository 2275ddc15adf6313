import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE, LedgerModuleService } from "@fission/core/modules/ledger"
import { customer, fromMinor, platform, toMinor } from "@fission/core/utils"
import { REBATES_MODULE, RebatesModuleService } from "../../../modules/rebates"
import { tierFor, tieredRebateMinor, Tier } from "../../../utils/tiered"

export const tieredPostingKey = (period: string, customer_id: string) => `rebates:tiered:${period}:${customer_id}`

/**
 * Classic tiered rebate at the period's close (SPEC §3.4): every customer's net
 * spend of the month, the reached tier's rate on all of it, paid as commission
 * (`platform:rebates_tiered` → customer). One row per customer and period (unique),
 * one posting per row keyed by period and customer: a re-run pays nothing twice.
 * Pages of 500 customers; the rows are written before their postings, and a retry
 * posts every row of the page again (replays), so a crash in between is repaired.
 *
 * No compensation, on purpose: see payPoolStep.
 */
export const payTieredRebatesStep = createStep(
  "fission-rebates-pay-tiered",
  async (input: { run: any; replayed: boolean; tiered_enabled: boolean; tiers: Tier[] }, { container }) => {
    if (input.replayed) return new StepResponse({ payouts: Number(input.run.tiered_payouts), amount: String(input.run.tiered_amount) })
    if (!input.tiered_enabled || !input.tiers.length) return new StepResponse({ payouts: 0, amount: "0" })
    const service = container.resolve<RebatesModuleService>(REBATES_MODULE)
    const ledger = container.resolve<LedgerModuleService>(LEDGER_MODULE)
    const { run } = input
    let after: string | null = null
    let payouts = 0
    let total = 0n
    for (;;) {
      const spends = await service.monthSpends({ month: run.month, currency_code: run.currency_code, after, limit: 500 })
      if (!spends.length) break
      after = spends[spends.length - 1].customer_id
      const due = spends
        .map((s) => ({ ...s, minor: toMinor(s.spend) }))
        .map((s) => ({ ...s, rebate: tieredRebateMinor(input.tiers, s.minor), tier: tierFor(input.tiers, s.minor) }))
        .filter((s) => s.rebate > 0n)
      if (!due.length) continue
      const existing = new Set(
        (await service.listRebateTieredPayouts({ period: run.month, customer_id: due.map((d) => d.customer_id) }, { select: ["customer_id"] })).map(
          (p: any) => p.customer_id
        )
      )
      const fresh = due.filter((d) => !existing.has(d.customer_id))
      if (fresh.length) {
        await service.createRebateTieredPayouts(
          fresh.map((d) => ({
            customer_id: d.customer_id,
            period: run.month,
            run_id: run.id,
            currency_code: run.currency_code,
            spend: d.spend as any,
            rate: String(d.tier!.rate),
            amount: fromMinor(d.rebate) as any,
            posting_key: tieredPostingKey(run.month, d.customer_id),
          }))
        )
      }
      const rows = await service.listRebateTieredPayouts({ period: run.month, customer_id: due.map((d) => d.customer_id) })
      await ledger.post(
        rows.map((r: any) => ({
          idempotency_key: r.posting_key,
          asset: "commission" as const,
          currency_code: r.currency_code,
          amount: String(r.amount),
          from: platform("rebates_tiered"),
          to: customer(r.customer_id),
          reason: "rebates.tiered_rebate",
          source_type: "rebates.pool_run",
          source_id: run.id,
        }))
      )
      for (const r of rows) {
        payouts++
        total += toMinor(String(r.amount))
      }
    }
    return new StepResponse({ payouts, amount: fromMinor(total) })
  }
)
