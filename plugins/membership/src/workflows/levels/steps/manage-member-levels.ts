import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../modules/membership"

export type MemberLevelInput = {
  name?: string
  position?: number
  growth_threshold?: number
  points_multiplier?: number | string
  customer_group_id?: string | null
  free_shipping_threshold?: number | string | null
  birthday_points?: number
  description?: string | null
  exclusive_product_ids?: string[] | null
}

/** Free shipping is given through the level's customer group (a Medusa promotion rule). */
function assertFreeShippingHasGroup(level: { free_shipping_threshold?: unknown; customer_group_id?: unknown }) {
  if (level.free_shipping_threshold !== null && level.free_shipping_threshold !== undefined && !level.customer_group_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "free_shipping_threshold needs a customer_group_id (free shipping is a promotion for that group)")
  }
}

/** Every listed product must exist; the list is stored without duplicates. */
async function assertProductsExist(container: any, ids: string[] | null | undefined) {
  if (!ids?.length) return
  const unique = [...new Set(ids)]
  const found = await container.resolve(Modules.PRODUCT).listProducts({ id: unique }, { select: ["id"] })
  const missing = unique.filter((id) => !found.some((p: any) => p.id === id))
  if (missing.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `exclusive_product_ids: product ${missing.join(", ")} does not exist`)
}

async function assertGroupExists(container: any, groupId: string | null | undefined) {
  if (!groupId) return
  const [group] = await container.resolve(Modules.CUSTOMER).listCustomerGroups({ id: groupId })
  if (!group) throw new MedusaError(MedusaError.Types.INVALID_DATA, `customer_group_id ${groupId} does not exist`)
}

export const createMemberLevelStep = createStep(
  "fission-membership-create-level-step",
  async (input: MemberLevelInput, { container }) => {
    await assertGroupExists(container, input.customer_group_id)
    assertFreeShippingHasGroup(input)
    await assertProductsExist(container, input.exclusive_product_ids)
    const data = { ...input, ...(input.exclusive_product_ids ? { exclusive_product_ids: [...new Set(input.exclusive_product_ids)] } : {}) }
    const level = await container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).createMemberLevels(data as any)
    return new StepResponse(level, level.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).deleteMemberLevels(id)
  }
)

export const updateMemberLevelStep = createStep(
  "fission-membership-update-level-step",
  async ({ id, ...input }: MemberLevelInput & { id: string }, { container }) => {
    const service = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    const before = await service.retrieveMemberLevel(id)
    await assertGroupExists(container, input.customer_group_id)
    assertFreeShippingHasGroup({ ...before, ...input })
    await assertProductsExist(container, input.exclusive_product_ids)
    const data = { ...input, ...(input.exclusive_product_ids ? { exclusive_product_ids: [...new Set(input.exclusive_product_ids)] } : {}) }
    const level = await service.updateMemberLevels({ id, ...data } as any)
    return new StepResponse(level, before)
  },
  async (before, { container }) => {
    if (!before) return
    const { created_at, updated_at, deleted_at, ...data } = before as any
    await container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).updateMemberLevels(data)
  }
)

export const deleteMemberLevelStep = createStep(
  "fission-membership-delete-level-step",
  async ({ id }: { id: string }, { container }) => {
    const service = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    const level = await service.retrieveMemberLevel(id)
    await service.softDeleteMemberLevels(id)
    return new StepResponse({ id, deleted: true, promotion_id: (level.free_shipping_promotion_id ?? null) as string | null }, id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).restoreMemberLevels(id)
  }
)
