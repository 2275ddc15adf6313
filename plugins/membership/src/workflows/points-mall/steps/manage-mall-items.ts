import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POINTS_MALL_MODULE, PointsMallModuleService } from "../../../modules/points-mall"

export type MallItemData = Record<string, any> & { id?: string }

/**
 * An item's references must exist and fit its kind: a coupon's template
 * promotion, a product's variant, a store-credit amount with its currency.
 */
export const validateMallItemStep = createStep(
  "fission-membership-validate-mall-item",
  async (input: MallItemData, { container }) => {
    const service = container.resolve<PointsMallModuleService>(POINTS_MALL_MODULE)
    const current = input.id ? await service.retrieveMallItem(input.id) : null
    const merged: Record<string, any> = { ...(current ?? {}), ...input }
    const invalid = (m: string) => new MedusaError(MedusaError.Types.INVALID_DATA, m)
    if (merged.kind === "coupon") {
      if (!merged.template_promotion_id) throw invalid("template_promotion_id is required for a coupon item")
      const [promotion] = await container.resolve(Modules.PROMOTION).listPromotions({ id: merged.template_promotion_id })
      if (!promotion) throw invalid(`template_promotion_id: promotion ${merged.template_promotion_id} was not found`)
    }
    if (merged.kind === "product") {
      if (!merged.variant_id) throw invalid("variant_id is required for a product item")
      const { data } = await container
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "product_variant", fields: ["id"], filters: { id: merged.variant_id } })
      if (!data.length) throw invalid(`variant_id: variant ${merged.variant_id} was not found`)
    }
    if (merged.kind === "store_credit" && (merged.credit_amount == null || !merged.currency_code)) {
      throw invalid("credit_amount and currency_code are required for a store_credit item")
    }
    return new StepResponse(input)
  }
)

export const createMallItemStep = createStep(
  "fission-membership-create-mall-item",
  async (input: MallItemData, { container }) => {
    const item = await container.resolve<PointsMallModuleService>(POINTS_MALL_MODULE).createMallItems(input as any)
    return new StepResponse(item, item.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<PointsMallModuleService>(POINTS_MALL_MODULE).deleteMallItems(id)
  }
)

export const updateMallItemStep = createStep(
  "fission-membership-update-mall-item",
  async (input: MallItemData & { id: string }, { container }) => {
    const service = container.resolve<PointsMallModuleService>(POINTS_MALL_MODULE)
    const before = await service.retrieveMallItem(input.id)
    const item = await service.updateMallItems(input as any)
    const previous = Object.fromEntries(Object.keys(input).map((k) => [k, (before as any)[k]]))
    return new StepResponse(item, { ...previous, id: input.id })
  },
  async (previous, { container }) => {
    if (previous) await container.resolve<PointsMallModuleService>(POINTS_MALL_MODULE).updateMallItems(previous as any)
  }
)

/** Soft delete: redemptions and holds keep pointing at it; restored on compensation. */
export const deleteMallItemStep = createStep(
  "fission-membership-delete-mall-item",
  async (id: string, { container }) => {
    const service = container.resolve<PointsMallModuleService>(POINTS_MALL_MODULE)
    await service.retrieveMallItem(id)
    await service.softDeleteMallItems(id)
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<PointsMallModuleService>(POINTS_MALL_MODULE).restoreMallItems(id)
  }
)
