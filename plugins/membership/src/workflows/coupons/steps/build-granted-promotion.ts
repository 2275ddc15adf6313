import { IPromotionModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { grantedPromotionData } from "../../../utils/coupons"

/** Reads the template promotion and returns the data of the customer's copy. */
export const buildGrantedPromotionStep = createStep(
  "fission-membership-build-granted-promotion",
  async (input: { template_promotion_id: string; customer_id: string; code: string }, { container }) => {
    const promotions = container.resolve<IPromotionModuleService>(Modules.PROMOTION)
    const [template] = await promotions.listPromotions(
      { id: input.template_promotion_id },
      {
        relations: [
          "application_method",
          "application_method.target_rules",
          "application_method.target_rules.values",
          "application_method.buy_rules",
          "application_method.buy_rules.values",
          "rules",
          "rules.values",
          "campaign",
        ],
      }
    )
    if (!template) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Template promotion ${input.template_promotion_id} was not found`)
    }
    if (!template.application_method) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Template promotion ${template.id} has no discount`)
    }
    return new StepResponse([grantedPromotionData(template, input.customer_id, input.code)])
  }
)
