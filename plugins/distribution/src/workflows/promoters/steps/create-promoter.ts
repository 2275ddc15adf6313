import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"
import { generateReferralCode } from "../../../utils/referral/code"

export type PromoterSource = "everyone" | "application" | "auto_spend" | "admin"
export type CreatePromoterInput = {
  customer_id: string
  status: "applied" | "active"
  source: PromoterSource
  real_name?: string | null
  phone?: string | null
  note?: string | null
}

const ATTEMPTS = 6

/**
 * The customer's promoter record, created with a fresh unique referral code if
 * there is none. Collisions are settled by the unique indexes on `code` and
 * `customer_id`: a code collision retries with a new code; a concurrent create
 * for the same customer returns the winner's record.
 */
export async function findOrCreatePromoter(service: DistributionModuleService, input: CreatePromoterInput) {
  for (let attempt = 1; ; attempt++) {
    const [existing] = await service.listPromoters({ customer_id: input.customer_id })
    if (existing) return { promoter: existing, created: false }
    try {
      const promoter = await service.createPromoters({
        ...input,
        code: generateReferralCode(),
        activated_at: input.status === "active" ? new Date() : null,
      })
      return { promoter, created: true }
    } catch (error) {
      if (attempt >= ATTEMPTS) {
        throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `could not allocate a referral code: ${(error as Error).message}`)
      }
    }
  }
}

/** Creates the promoter record if missing; compensation removes it only if this step created it. */
export const ensurePromoterStep = createStep(
  "fission-ensure-promoter",
  async (input: CreatePromoterInput, { container }) => {
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const { promoter, created } = await findOrCreatePromoter(service, input)
    return new StepResponse({ promoter, created }, created ? promoter.id : null)
  },
  async (createdId, { container }) => {
    if (!createdId) return
    await container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE).deletePromoters(createdId)
  }
)
