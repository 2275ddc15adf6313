import { createPromotionRulesWorkflow } from "@medusajs/medusa/core-flows"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../modules/membership"

/**
 * The customer groups of the given levels, refusing a level without a group
 * and a promotion that already has a customer-group condition (edit that one in
 * Medusa's Promotions page instead).
 */
const planLevelExclusiveStep = createStep(
  "fission-membership-plan-level-exclusive-promotion",
  async (input: { promotion_id: string; level_ids: string[] }, { container }) => {
    const [promotion] = await container.resolve(Modules.PROMOTION).listPromotions({ id: input.promotion_id }, { relations: ["rules"] })
    if (!promotion) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Promotion ${input.promotion_id} was not found`)
    if ((promotion.rules ?? []).some((r) => r.attribute === "customer.groups.id")) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `promotion_id: promotion ${promotion.code} already has a customer group condition`)
    }
    const levels = await container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).listMemberLevels({ id: input.level_ids })
    for (const id of input.level_ids) {
      const level = levels.find((l) => l.id === id)
      if (!level) throw new MedusaError(MedusaError.Types.INVALID_DATA, `level_ids: level ${id} was not found`)
      if (!level.customer_group_id) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `level_ids: level ${level.name} has no customer group`)
      }
    }
    return new StepResponse(levels.map((l) => l.customer_group_id as string))
  }
)

/**
 * Member-exclusive coupon (SPEC §6.7): adds the condition "customer group in
 * <the levels' groups>" to a promotion, so Medusa itself accepts its code only
 * in carts of members of those levels (membership keeps customers in their
 * level's group).
 */
export const makeLevelExclusivePromotionWorkflow = createWorkflow(
  "fission-membership-make-level-exclusive-promotion",
  (input: { promotion_id: string; level_ids: string[] }) => {
    const groups = planLevelExclusiveStep(input)
    const rules = createPromotionRulesWorkflow.runAsStep({
      input: transform({ input, groups }, ({ input, groups }) => ({
        rule_type: "rules" as any,
        data: { id: input.promotion_id, rules: [{ attribute: "customer.groups.id", operator: "in" as const, values: groups }] },
      })),
    })
    return new WorkflowResponse(rules)
  }
)
