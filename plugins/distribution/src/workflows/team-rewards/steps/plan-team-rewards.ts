import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"
import { asBigNumberInput } from "@fission/core/utils"
import { RankConditions } from "../../../utils/referral/rank"
import { Promotion } from "./evaluate-ranks"

type Reward = { posting_key: string; beneficiary_id: string; amount: string; event: string }

/**
 * Team rewards of a paid order (SPEC §2.5), paid one level up only:
 * - the buyer's referrer, if their rank has a team reward and the order contains
 *   the product their rank counts ("the team buys the package");
 * - the referrer of anyone promoted by this order ("a direct referral is promoted").
 * Each reward is a pending commission of the order (kind `team_reward`), so it is
 * released, refunded and reversed with the order. Keyed per order and event.
 */
export const planTeamRewardsStep = createStep(
  "fission-plan-team-rewards",
  async ({ order_id, promotions }: { order_id: string; promotions: Promotion[] }, { container }) => {
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const [order] = await service.listCommissionOrders({ order_id })
    if (!order || order.status === "canceled") return new StepResponse({ records: [] as any[] }, null)

    const referrerOf = async (customerId: string) => (await service.listReferrals({ customer_id: customerId }))[0]?.referrer_id
    const rewardOf = async (customerId: string) => {
      const [promoter] = await service.listPromoters({ customer_id: customerId, status: "active" })
      if (!promoter?.rank_id) return null
      const [rank] = await service.listDistributionRanks({ id: promoter.rank_id })
      return rank?.team_reward_amount && Number(rank.team_reward_amount) > 0 ? rank : null
    }

    const rewards: Reward[] = []
    const upline = await referrerOf(order.buyer_id)
    const uplineRank = upline ? await rewardOf(upline) : null
    const product = (uplineRank?.conditions as RankConditions | null)?.direct_referrals?.purchased_product_id
    if (upline && uplineRank && product && ((order.product_ids as string[] | null) ?? []).includes(product)) {
      rewards.push({
        posting_key: `team-reward:${order_id}:purchase:${upline}`,
        beneficiary_id: upline,
        amount: String(uplineRank.team_reward_amount),
        event: "purchase",
      })
    }
    for (const p of promotions) {
      const referrer = await referrerOf(p.customer_id)
      const rank = referrer ? await rewardOf(referrer) : null
      if (referrer && rank) {
        rewards.push({
          posting_key: `team-reward:${order_id}:promotion:${p.customer_id}:${referrer}`,
          beneficiary_id: referrer,
          amount: String(rank.team_reward_amount),
          event: "promotion",
        })
      }
    }

    const existing = rewards.length ? await service.listCommissions({ posting_key: rewards.map((r) => r.posting_key) }) : []
    const fresh = rewards.filter((r) => !existing.some((e) => e.posting_key === r.posting_key))
    const created = fresh.length
      ? await service.createCommissions(
          fresh.map((r) => ({
            order_id,
            buyer_id: order.buyer_id,
            beneficiary_id: r.beneficiary_id,
            kind: "team_reward" as const,
            level: 1,
            base_amount: asBigNumberInput(r.amount),
            quantity: 1,
            amount: asBigNumberInput(r.amount),
            currency_code: order.currency_code,
            posting_key: r.posting_key,
          }))
        )
      : []
    return new StepResponse({ records: [...existing, ...created] as any[] }, created.map((c) => c.id))
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) return
    await container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE).deleteCommissions(createdIds)
  }
)
