import { MathBN, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../modules/membership"
import { freeShippingPromotionData } from "../../../utils"

/** Whether the live promotion already has this level's group and threshold (then nothing changes). */
async function promotionMatches(promotions: any, id: string, level: { customer_group_id: string; free_shipping_threshold: unknown }) {
  const [promotion] = await promotions.listPromotions({ id }, { relations: ["rules", "rules.values"] })
  if (!promotion || promotion.status !== "active") return false
  const values = (attribute: string) =>
    (promotion.rules ?? []).find((r: any) => r.attribute === attribute)?.values?.map((v: any) => v.value) ?? []
  const [group] = values("customer.groups.id")
  const [threshold] = values("item_total")
  return group === level.customer_group_id && threshold !== undefined && MathBN.eq(threshold, level.free_shipping_threshold as any)
}

type Undo = { level_id: string; created: string | null; removed: string | null; level_exists: boolean }

/**
 * Keeps one automatic Medusa promotion per level with a free-shipping threshold
 * and a customer group (SPEC §6.2), so free shipping applies through Medusa's
 * own cart promotions (and shows as a shipping adjustment on the cart and the
 * order). A changed level gets a fresh promotion and the old one is
 * soft-deleted; a level without threshold, without group, or deleted has none.
 */
export const syncFreeShippingPromotionStep = createStep(
  "fission-membership-sync-free-shipping-promotion",
  async (input: { level_id: string; promotion_id?: string | null }, { container }) => {
    const service = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    const promotions = container.resolve(Modules.PROMOTION)
    const [level] = await service.listMemberLevels({ id: input.level_id })
    const old = (level?.free_shipping_promotion_id ?? input.promotion_id ?? null) as string | null
    const wanted = level && level.free_shipping_threshold !== null && level.customer_group_id
    const undo: Undo = { level_id: input.level_id, created: null, removed: null, level_exists: !!level }
    if (wanted && old && (await promotionMatches(promotions, old, level as any))) {
      return new StepResponse({ promotion_id: old }, null)
    }
    if (wanted) {
      const [promotion] = await promotions.createPromotions([freeShippingPromotionData(level as any, Date.now().toString(36)) as any])
      undo.created = promotion.id
    }
    if (old) {
      await promotions.softDeletePromotions([old])
      undo.removed = old
    }
    if (level && (undo.created || old)) {
      await service.updateMemberLevels({ id: level.id, free_shipping_promotion_id: undo.created })
    }
    return new StepResponse({ promotion_id: undo.created }, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const promotions = container.resolve(Modules.PROMOTION)
    if (undo.created) await promotions.softDeletePromotions([undo.created])
    if (undo.removed) await promotions.restorePromotions([undo.removed])
    if (undo.level_exists) {
      await container
        .resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
        .updateMemberLevels({ id: undo.level_id, free_shipping_promotion_id: undo.removed })
    }
  }
)
