import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"
import { isPromotion, MemberStats, qualifyingRank, RankDef } from "../../../utils/ranks"
import { findOrCreatePromoter } from "../../promoters/steps/create-promoter"

export type Promotion = { customer_id: string; from_rank_id: string | null; to_rank_id: string }

/** Lifetime paid spend net of refunds, per buyer, from the commission lifecycle rows. */
async function paidOrders(service: DistributionModuleService, buyerIds: string[]) {
  if (!buyerIds.length) return []
  const rows = await service.listCommissionOrders({ buyer_id: buyerIds, paid_at: { $ne: null } } as any)
  return rows.filter((r) => r.status !== "canceled")
}

async function statsOf(service: DistributionModuleService, customerId: string): Promise<MemberStats> {
  const own = await paidOrders(service, [customerId])
  const directs = await service.listReferrals({ referrer_id: customerId })
  const directIds = directs.map((d) => d.customer_id)
  const directOrders = await paidOrders(service, directIds)
  const directPromoters = directIds.length ? await service.listPromoters({ customer_id: directIds }) : []
  const [counter] = await service.listTeamCounters({ customer_id: customerId })
  return {
    personal_spend: Number(
      own.reduce((sum, o) => MathBN.add(sum, MathBN.sub(o.base_total, o.refunded_total)), MathBN.convert(0)).toFixed()
    ),
    directs: directIds.map((id) => ({
      rank_id: directPromoters.find((p) => p.customer_id === id)?.rank_id ?? null,
      purchased_product_ids: directOrders
        .filter((o) => o.buyer_id === id)
        .flatMap((o) => ((o.product_ids as string[] | null) ?? [])),
    })),
    team_counts: counter ? [counter.level1, counter.level2, counter.level3] : [0, 0, 0],
  }
}

/**
 * Re-evaluates the ranks of the given promoters (SPEC §2.5) and promotes those who
 * now meet a higher rank's conditions. Never demotes; an admin override pins the
 * rank. Compensation restores the previous ranks.
 */
export const evaluateRanksStep = createStep(
  "fission-evaluate-ranks",
  async ({ customer_ids }: { customer_ids: string[] }, { container }) => {
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const ranks = (await service.listDistributionRanks({})) as unknown as RankDef[]
    if (!ranks.some((r) => r.conditions)) return new StepResponse([] as Promotion[], [])
    const settings = await service.retrieveSettings()
    const promotions: Promotion[] = []
    for (const customer_id of [...new Set(customer_ids)]) {
      let [promoter] = await service.listPromoters({ customer_id })
      if (!promoter && settings.promoter_mode === "everyone_is_promoter") {
        ;({ promoter } = await findOrCreatePromoter(service, { customer_id, status: "active", source: "everyone" }))
      }
      if (!promoter || promoter.status !== "active" || promoter.rank_overridden) continue
      const next = qualifyingRank(ranks, await statsOf(service, customer_id))
      if (!isPromotion(ranks, promoter.rank_id, next)) continue
      await service.updatePromoters({ id: promoter.id, rank_id: next!.id })
      promotions.push({ customer_id, from_rank_id: promoter.rank_id, to_rank_id: next!.id })
    }
    return new StepResponse(promotions, promotions)
  },
  async (promotions, { container }) => {
    if (!promotions?.length) return
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    for (const p of promotions) {
      const [promoter] = await service.listPromoters({ customer_id: p.customer_id })
      if (promoter) await service.updatePromoters({ id: promoter.id, rank_id: p.from_rank_id })
    }
  }
)
