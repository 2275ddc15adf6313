import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POINTS_MALL_MODULE, PointsMallModuleService } from "../../../modules/points-mall"

const mall = (container: any) => container.resolve(POINTS_MALL_MODULE) as PointsMallModuleService

export const validateTemplatePromotionStep = createStep(
  "fission-membership-validate-template-promotion",
  async (input: { template_promotion_id?: string }, { container }) => {
    if (input.template_promotion_id) {
      const [promotion] = await container.resolve(Modules.PROMOTION).listPromotions({ id: input.template_promotion_id })
      if (!promotion) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `template_promotion_id: promotion ${input.template_promotion_id} was not found`)
      }
    }
    return new StepResponse(input)
  }
)

export const createCouponRuleStep = createStep(
  "fission-membership-create-coupon-rule",
  async (input: Record<string, any>, { container }) => {
    const rule = await mall(container).createCouponRules(input as any)
    return new StepResponse(rule, rule.id)
  },
  async (id, { container }) => {
    if (id) await mall(container).deleteCouponRules(id)
  }
)

export const updateCouponRuleStep = createStep(
  "fission-membership-update-coupon-rule",
  async (input: Record<string, any> & { id: string }, { container }) => {
    const before = await mall(container).retrieveCouponRule(input.id)
    const rule = await mall(container).updateCouponRules(input as any)
    return new StepResponse(rule, { ...Object.fromEntries(Object.keys(input).map((k) => [k, (before as any)[k]])), id: input.id })
  },
  async (previous, { container }) => {
    if (previous) await mall(container).updateCouponRules(previous as any)
  }
)

export const deleteCouponRuleStep = createStep(
  "fission-membership-delete-coupon-rule",
  async (id: string, { container }) => {
    await mall(container).retrieveCouponRule(id)
    await mall(container).softDeleteCouponRules(id)
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (id) await mall(container).restoreCouponRules(id)
  }
)
