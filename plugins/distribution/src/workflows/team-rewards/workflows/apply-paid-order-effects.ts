import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { postLedgerEntriesStep } from "@fission/core/workflows"
import { customer, platform } from "@fission/core/utils"
import { evaluateAutoPromoterStep } from "../../promoters/steps/evaluate-auto-promoter"
import { recordReferralPurchaseStep } from "../../referral/steps/record-referral-purchase"
import { evaluateRanksStep, loadPaidOrderStep, planTeamRewardsStep } from "../steps"

/**
 * What a paid order changes besides its own commissions: the binding's expiry
 * clock restarts, the buyer may become a promoter (auto_after_spend), the buyer
 * and their referrer may be promoted, and team rewards are held as pending
 * commissions of the order. Idempotent per order.
 */
export const applyPaidOrderEffectsWorkflow = createWorkflow(
  "fission-apply-paid-order-effects",
  (input: { order_id: string }) => {
    const order = loadPaidOrderStep(input)
    const result = when("fission-paid-order-found", { order }, ({ order }) => !!order).then(() => {
      recordReferralPurchaseStep(transform({ order }, ({ order }) => ({ customer_id: order!.buyer_id, purchased_at: order!.paid_at })))
      evaluateAutoPromoterStep(
        transform({ order }, ({ order }) => ({ customer_id: order!.buyer_id, lifetime_paid_spend: order!.lifetime_paid_spend }))
      )
      const promotions = evaluateRanksStep(
        transform({ order }, ({ order }) => ({
          customer_ids: [order!.buyer_id, ...(order!.referrer_id ? [order!.referrer_id] : [])],
        }))
      )
      const rewards = planTeamRewardsStep(transform({ order, promotions }, ({ order, promotions }) => ({ order_id: order!.order_id, promotions })))
      postLedgerEntriesStep(
        transform({ rewards }, ({ rewards }) =>
          rewards.records
            .filter((r: any) => r.status === "pending")
            .map((r: any) => ({
              idempotency_key: r.posting_key,
              asset: "commission" as const,
              currency_code: r.currency_code,
              amount: String(r.amount),
              from: platform("team_rewards"),
              to: customer(r.beneficiary_id),
              status: "pending" as const,
              reason: "commission.team_reward",
              source_type: "order",
              source_id: r.order_id,
            }))
        )
      ).config({ name: "fission-post-team-rewards" })
      return { promotions, rewards }
    })
    return new WorkflowResponse(result)
  }
)
