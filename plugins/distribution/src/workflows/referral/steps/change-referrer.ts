import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"
import type { ReferralChangeInput, ReferralChangeResult } from "../../../modules/distribution/referral-forest"

export type ChangeReferrerStepInput = {
  change: ReferralChangeInput | null
  /** Return refusals (already bound, cycle…) as `skipped_reason` instead of failing (sign-up / order paths). */
  tolerate_refusal?: boolean
}

export type ChangeReferrerStepOutput = { result: ReferralChangeResult | null; skipped_reason: string | null }

/**
 * Binds, rebinds or unbinds one customer in one transaction under the forest
 * lock (closure, counters, audit event). Compensation puts the previous
 * binding back exactly and drops the change's audit event.
 */
export const changeReferrerStep = createStep(
  "fission-change-referrer",
  async ({ change, tolerate_refusal }: ChangeReferrerStepInput, { container }) => {
    if (!change) return new StepResponse<ChangeReferrerStepOutput>({ result: null, skipped_reason: null })
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    try {
      const result = await service.changeReferrer(change)
      return new StepResponse<ChangeReferrerStepOutput, any>(
        { result, skipped_reason: null },
        result.changed ? { customer_id: change.customer_id, row: result.previous, delete_event_id: result.event_id } : null
      )
    } catch (error) {
      const refusal = error instanceof MedusaError && [MedusaError.Types.DUPLICATE_ERROR, MedusaError.Types.INVALID_DATA].includes(error.type as any)
      if (!tolerate_refusal || !refusal) throw error
      return new StepResponse<ChangeReferrerStepOutput, any>({ result: null, skipped_reason: (error as Error).message }, null)
    }
  },
  async (restore, { container }) => {
    if (!restore) return
    await container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE).restoreReferrer(restore)
  }
)
