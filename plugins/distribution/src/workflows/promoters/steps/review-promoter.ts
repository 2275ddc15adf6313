import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"
import { PromoterStatus } from "../../../utils/referral/bind-rules"
import { PromoterAction, promoterTransition } from "../../../utils/referral/promoter-status"

export type ReviewPromoterInput = {
  id: string
  action: PromoterAction
  /** Mandatory for reject. */
  reason?: string | null
  actor_id?: string | null
}

const FIELDS = ["status", "review_reason", "reviewed_by", "reviewed_at", "activated_at"] as const

/** Applies an admin action to a promoter; compensation restores the previous review fields. */
export const reviewPromoterStep = createStep(
  "fission-review-promoter",
  async (input: ReviewPromoterInput, { container }) => {
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const promoter = await service.retrievePromoter(input.id)
    const next = promoterTransition(promoter.status as PromoterStatus, input.action)
    if (next.error !== null) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, next.error)
    if (input.action === "reject" && !input.reason?.trim()) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "reason is required to reject an application")
    }
    const previous = Object.fromEntries(FIELDS.map((f) => [f, (promoter as any)[f]]))
    const now = new Date()
    const updated = await service.updatePromoters({
      id: promoter.id,
      status: next.to,
      review_reason: input.reason?.trim() || null,
      reviewed_by: input.actor_id ?? null,
      reviewed_at: now,
      ...(next.to === "active" && !promoter.activated_at ? { activated_at: now } : {}),
    })
    return new StepResponse(updated, { id: promoter.id, ...previous })
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE).updatePromoters(previous as any)
  }
)
