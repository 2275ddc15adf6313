import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"

/**
 * Removes every binding whose `expires_at` has passed (SPEC §2.2: N days
 * without a purchase), each in its own transaction under the forest lock,
 * recording an `expire` event. Commissions already ignore expired bindings
 * (the upline walk stops at them); this makes team views and counters follow.
 * Idempotent: an already removed binding is skipped. Each expiry is final, so
 * there is no compensation.
 */
export const expireReferralBindingsStep = createStep(
  "fission-expire-referral-bindings",
  async ({ as_of, batch_size = 500 }: { as_of?: Date | string; batch_size?: number }, { container }) => {
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const now = as_of ? new Date(as_of) : new Date()
    let expired = 0
    for (;;) {
      const due = await service.listReferrals({ expires_at: { $lte: now } }, { take: batch_size, order: { expires_at: "ASC" } })
      let changed = 0
      for (const referral of due) {
        const result = await service.changeReferrer({
          customer_id: referral.customer_id,
          referrer_id: null,
          action: "expire",
          source: referral.source as any,
          event_source: "expiry",
          reason: `no purchase since ${new Date((referral.last_purchase_at ?? referral.bound_at) as any).toISOString()}`,
          now,
        })
        if (result.changed) changed++
      }
      expired += changed
      if (due.length < batch_size || changed === 0) break
    }
    return new StepResponse({ expired })
  }
)
