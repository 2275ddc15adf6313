import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { FissionOrder, getComplianceSettings } from "@fission/core/utils"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"
import {
  beneficiariesFor,
  CommissionLine,
  CommissionRule,
  computeLineCommissions,
  leaderShare,
  LineCommission,
  passUp,
} from "../../../utils/commissions"

export type CommissionPlan = {
  order: { order_id: string; buyer_id: string; currency_code: string; base_total: string; product_ids: string[] }
  commissions: (LineCommission & { posting_key: string })[]
}

export const commissionPostingKey = (orderId: string, c: Pick<LineCommission, "line_item_id" | "level" | "kind">) =>
  `commission:${orderId}:${c.line_item_id}:${c.kind === "team_leader" ? "leader" : `L${c.level}`}`

/** The buyer's upline via referral pointers, nearest first: O(depth) lookups, never a tree scan. */
async function upline(service: DistributionModuleService, customerId: string, depth: number, now: Date) {
  const chain: string[] = []
  let current = customerId
  for (let i = 0; i < depth; i++) {
    const [ref] = await service.listReferrals({ customer_id: current })
    if (!ref || (ref.expires_at && new Date(ref.expires_at) <= now)) break
    chain.push(ref.referrer_id)
    current = ref.referrer_id
  }
  return chain
}

/**
 * From the order core loaded (its lines' base: paid after discounts, no shipping
 * or tax), the buyer's upline, promoters, ranks and product rules, computes every
 * commission of the order (pure rules in utils/commissions). A guest checkout
 * earns nobody anything: a guest can't have been referred.
 */
export const buildCommissionPlanStep = createStep(
  "fission-build-commission-plan",
  async ({ order }: { order: FissionOrder }, { container }) => {
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    if (!order?.customer_id || !order.registered) return new StepResponse<CommissionPlan | null>(null)

    const settings = await service.retrieveSettings()
    const compliance = await getComplianceSettings(container)
    const depth = Math.min(Number(settings.commission_depth), Number(compliance.max_commission_levels), 2)
    const chain = await upline(service, order.customer_id, depth, new Date())
    const people = [order.customer_id, ...chain]
    const promoters = await service.listPromoters({ customer_id: people })
    const rankIds = promoters.map((p) => p.rank_id).filter(Boolean) as string[]
    const ranks = rankIds.length ? await service.listDistributionRanks({ id: rankIds }) : []
    const rankOf = (id: string) => ranks.find((r) => r.id === promoters.find((p) => p.customer_id === id)?.rank_id)
    let ancestors = chain
    if (Number(settings.pass_up_count) > 0 && chain.length) {
      const recruits = await service.listReferrals({ referrer_id: chain[0] }, { order: { bound_at: "ASC" }, take: Number(settings.pass_up_count) })
      const promoted = !!rankOf(chain[0]) && !rankOf(chain[0])!.is_default
      ancestors = passUp(chain, promoted, recruits.findIndex((r) => r.customer_id === order.customer_id), Number(settings.pass_up_count))
    }
    const active = (id: string) =>
      settings.promoter_mode === "everyone_is_promoter"
        ? promoters.find((p) => p.customer_id === id)?.status !== "disabled"
        : promoters.some((p) => p.customer_id === id && p.status === "active")

    const beneficiaries = beneficiariesFor({
      buyer: { customer_id: order.customer_id, is_active_promoter: active(order.customer_id) },
      ancestors: ancestors.map((id) => ({ customer_id: id, is_active_promoter: active(id) })),
      depth,
      selfPurchase: !!settings.self_purchase_commission,
    }).map((b) => {
      const rank = rankOf(b.customer_id)
      return { ...b, rates: { level1: rank?.level1_rate as any, level2: rank?.level2_rate as any } }
    })

    // the nearest ancestor with a leader rank, within the depth cap
    const leaderIndex = chain.findIndex((id) => active(id) && rankOf(id)?.is_leader && Number(rankOf(id)?.leader_share_rate ?? 0) > 0)
    const leader =
      leaderIndex >= 0
        ? { customer_id: chain[leaderIndex], level: (leaderIndex + 1) as 1 | 2, rate: String(rankOf(chain[leaderIndex])!.leader_share_rate) }
        : null

    const items = order.lines
    const rules = await service.listProductCommissions({ product_id: items.map((i) => i.product_id).filter(Boolean) })
    const storeRule: CommissionRule = { mode: "rate", level1: String(settings.level1_rate), level2: String(settings.level2_rate) }
    const ruleFor = (item: any): CommissionRule => {
      const rule =
        rules.find((r) => r.variant_id && r.variant_id === item.variant_id) ??
        rules.find((r) => !r.variant_id && r.product_id === item.product_id)
      if (!rule) return storeRule
      if (rule.mode === "excluded") return { mode: "excluded" }
      return { mode: rule.mode, level1: String(rule.level1 ?? 0), level2: String(rule.level2 ?? 0) } as CommissionRule
    }

    let baseTotal = MathBN.convert(0)
    const commissions: CommissionPlan["commissions"] = []
    for (const item of items) {
      baseTotal = MathBN.add(baseTotal, item.base)
      const line: CommissionLine = {
        line_item_id: item.id,
        product_id: item.product_id,
        variant_id: item.variant_id,
        quantity: item.quantity,
        base: item.base,
      }
      const rule = ruleFor(item)
      const lineCommissions = computeLineCommissions(line, rule, beneficiaries)
      const share = leader && rule.mode !== "excluded" ? leaderShare(line, leader, lineCommissions.map((c) => c.amount)) : null
      for (const c of share ? [...lineCommissions, share] : lineCommissions) {
        commissions.push({ ...c, posting_key: commissionPostingKey(order.id, c) })
      }
    }
    return new StepResponse<CommissionPlan | null>({
      order: {
        order_id: order.id,
        buyer_id: order.customer_id,
        currency_code: order.currency_code,
        base_total: baseTotal.toFixed(),
        product_ids: [...new Set(items.map((i) => i.product_id).filter(Boolean))] as string[],
      },
      commissions,
    })
  }
)
