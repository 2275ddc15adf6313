import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../modules/group-draw"
import { isCampaignOpen, startOfDay } from "../../../utils"

export type OpenGroupInput = { campaign_id: string; customer_id: string }

/** Rules for opening a group: open campaign, daily limit, no admin accounts (SPEC §0.5, §4.1). */
export const validateOpenGroupStep = createStep(
  "fission-group-draw-validate-open-group",
  async (input: OpenGroupInput, { container }) => {
    const service = container.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
    const [campaign] = await service.listGroupDrawCampaigns({ id: input.campaign_id })
    if (!campaign) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Group draw campaign ${input.campaign_id} was not found`)
    if (!isCampaignOpen(campaign)) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This group draw campaign is not open")
    await assertNotAdmin(container, input.customer_id)
    if (campaign.max_groups_per_customer_per_day) {
      const n = await service.countCustomerGroupsSince(input.customer_id, campaign.id, startOfDay())
      if (n >= campaign.max_groups_per_customer_per_day) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `max_groups_per_customer_per_day reached (${campaign.max_groups_per_customer_per_day})`
        )
      }
    }
    return new StepResponse(campaign)
  }
)

/** Admin accounts cannot join campaigns (SPEC §0.5): a customer whose email is an admin user's is refused. */
export async function assertNotAdmin(container: any, customer_id: string | null | undefined, email?: string | null) {
  let address = email ?? null
  if (!address && customer_id) {
    const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: customer_id }, { select: ["email"] })
    address = customer?.email ?? null
  }
  if (!address) return
  const users = await container.resolve(Modules.USER).listUsers({ email: address }, { select: ["id"] })
  if (users.length) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Admin accounts cannot join group draws")
  }
}

/** Creates an empty open group; compensation deletes it. */
export const createOpenGroupStep = createStep(
  "fission-group-draw-create-open-group",
  async (input: { campaign: any; customer_id: string }, { container }) => {
    const service = container.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
    const { campaign } = input
    const group = await service.createGroupDrawGroups({
      campaign_id: campaign.id,
      size: campaign.group_size,
      winners: campaign.winners,
      opened_by: input.customer_id,
      expires_at: new Date(Date.now() + campaign.duration_hours * 3_600_000),
    })
    return new StepResponse(group, group.id)
  },
  async (groupId, { container }) => {
    if (!groupId) return
    await container.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE).deleteGroupDrawGroups(groupId)
  }
)
