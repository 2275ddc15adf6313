import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"

/**
 * A bound customer paid for an order: restarts the binding's expiry clock
 * (`last_purchase_at`, `expires_at = last_purchase_at + binding_expiry_days`).
 * A binding that has already expired stays expired. Idempotent and monotonic
 * (the latest purchase time wins), so it has no compensation.
 */
export const recordReferralPurchaseStep = createStep(
  "fission-record-referral-purchase",
  async ({ customer_id, purchased_at }: { customer_id: string; purchased_at?: Date | string }, { container }) => {
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const settings = await service.retrieveSettings()
    await service.touchReferralPurchase(customer_id, purchased_at ? new Date(purchased_at) : new Date(), settings.binding_expiry_days ?? null)
    return new StepResponse({ customer_id })
  }
)
