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
    const level = await container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).createMemberLevels(input as any)
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
    const level = await service.updateMemberLevels({ id, ...input } as any)
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
    await service.retrieveMemberLevel(id)
    await service.softDeleteMemberLevels(id)
    return new StepResponse({ id, deleted: true }, id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).restoreMemberLevels(id)
  }
)
