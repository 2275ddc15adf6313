import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"
import type { ReferralChangeInput } from "../../../modules/distribution/referral-forest"
import { BindChannel, bindWindowViolation, isEffectivePromoter, PromoterMode, PromoterStatus } from "../../../utils/referral/bind-rules"
import { normalizeReferralCode } from "../../../utils/referral/code"

export type ValidateReferralBindInput = {
  customer_id: string
  code: string
  channel: BindChannel
  /** How the code arrived (typed code or a share link); defaults by channel. */
  source?: "code" | "link"
  /** The order being placed (order channel): not counted as a prior order. */
  order_id?: string
  /**
   * true (storefront): a binding that cannot happen throws (4xx).
   * false (sign-up, order): it is skipped and the reason returned, so the
   * sign-up or order itself never fails because of a referral code.
   */
  strict: boolean
}

export type ValidatedReferralBind = { change: ReferralChangeInput | null; skipped_reason: string | null }

/**
 * Resolves a referral code to its promoter and checks every rule of SPEC §2.2
 * that needs other modules (customer, orders): code exists, its owner is a
 * (non-disabled) promoter, not self-referral, not already bound, and the bind
 * mode allows binding through this channel now. Cycles and the final
 * already-bound check happen again under the forest lock when binding.
 */
export const validateReferralBindStep = createStep(
  "fission-validate-referral-bind",
  async (input: ValidateReferralBindInput, { container }) => {
    try {
      return new StepResponse<ValidatedReferralBind>({ change: await check(container, input), skipped_reason: null })
    } catch (error) {
      if (input.strict || !(error instanceof MedusaError)) throw error
      return new StepResponse<ValidatedReferralBind>({ change: null, skipped_reason: error.message })
    }
  }
)

async function check(container: any, input: ValidateReferralBindInput): Promise<ReferralChangeInput> {
  const service = container.resolve(DISTRIBUTION_MODULE) as DistributionModuleService
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const code = normalizeReferralCode(input.code)
  if (!code) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `code: ${JSON.stringify(input.code)} is not a referral code (6–8 letters and digits)`)
  }
  const [promoter] = await service.listPromoters({ code })
  if (!promoter) throw new MedusaError(MedusaError.Types.NOT_FOUND, `code: referral code ${code} does not exist`)

  const settings = await service.retrieveSettings()
  if (promoter.customer_id === input.customer_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "code: a customer cannot use their own referral code (self-referral)")
  }
  if (promoter.status === "disabled") {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `code: the promoter of referral code ${code} is disabled`)
  }
  if (!isEffectivePromoter(promoter.status as PromoterStatus, settings.promoter_mode as PromoterMode)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `code: the owner of referral code ${code} is not an active promoter`)
  }
  const [existing] = await service.listReferrals({ customer_id: input.customer_id })
  if (existing) {
    throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, "the customer is already bound to a referrer; a binding can only be changed by an admin")
  }

  const {
    data: [customer],
  } = await query.graph({ entity: "customer", fields: ["id", "created_at"], filters: { id: input.customer_id } })
  if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `customer ${input.customer_id} does not exist`)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: { customer_id: input.customer_id },
    pagination: { take: 2 },
  })
  const violation = bindWindowViolation({
    mode: settings.bind_mode as any,
    channel: input.channel,
    customer_created_at: customer.created_at as any,
    prior_order_count: orders.filter((o: any) => o.id !== input.order_id).length,
  })
  if (violation) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, violation)

  const source = input.channel === "order" ? "order" : input.source ?? "code"
  return {
    customer_id: input.customer_id,
    referrer_id: promoter.customer_id,
    action: "bind",
    source,
    event_source: input.channel === "register" ? "register" : source,
    code,
    expiry_days: settings.binding_expiry_days ?? null,
  }
}
