import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE, LedgerModuleService } from "@fission/core/modules/ledger"
import { fromMinor, toMinor } from "@fission/core/utils"
import { REBATES_MODULE, RebatesModuleService } from "../../../modules/rebates"
import { rebateRules } from "../../../utils/store"
import { tieredRebateMinor } from "../../../utils/tiered"

/**
 * A refund of an order of a period whose tiered rebate was paid already (SPEC §3.4):
 * the rebate is recomputed on the spend left — with the tier that spend still
 * reaches — and the difference is reversed (cumulative `to_total`: redeliveries
 * reverse nothing twice; a rebate already withdrawn becomes debt, §0.4).
 *
 * No compensation, on purpose: the reversed total only grows to what the refunds say.
 */
export const reverseTieredRebateStep = createStep(
  "fission-rebates-reverse-tiered",
  async (input: { customer_id: string; period: string }, { container }) => {
    const service = container.resolve<RebatesModuleService>(REBATES_MODULE)
    const [payout] = await service.listRebateTieredPayouts({ customer_id: input.customer_id, period: input.period })
    if (!payout) return new StepResponse(null)
    const { settings } = await rebateRules(container)
    const spend = await service.monthConsumption(input.customer_id, input.period, payout.currency_code)
    const tiers = (settings.tiered_tiers as unknown as any[]) ?? []
    const paid = toMinor(String(payout.amount))
    // the spend left, under the tiers (a drop below a tier takes the lower tier's rate); with the tiers
    // removed since, the payout's own rate in proportion
    const rules = tiers.length ? tiers : [{ min_spend: 0, rate: payout.rate }]
    const target = tieredRebateMinor(rules, toMinor(spend))
    const reversed = target >= paid ? 0n : paid - target
    if (reversed <= toMinor(String(payout.reversed_amount))) return new StepResponse(payout)
    const ledger = container.resolve<LedgerModuleService>(LEDGER_MODULE)
    const to_total = fromMinor(reversed)
    await ledger.reverse([
      {
        idempotency_key: payout.posting_key,
        reversal_key: `${payout.posting_key}:reversed-to:${to_total}`,
        to_total,
        on_shortfall: "debt",
        reason: "rebates.tiered_rebate_reversal",
        source_type: "rebates.tiered_payout",
        source_id: payout.id,
      },
    ])
    return new StepResponse(await service.updateRebateTieredPayouts({ id: payout.id, reversed_amount: to_total as any }))
  }
)
