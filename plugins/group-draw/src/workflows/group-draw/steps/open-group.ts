import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../modules/group-draw"
import { assertNotAdmin, getComplianceSettings } from "@fission/core/utils"
import { GroupRules, isCampaignOpen, resolveGroupRules, ShopperGroupChoice, startOfDay } from "../../../utils"

export type OpenGroupInput = { campaign_id: string; customer_id: string; choice?: ShopperGroupChoice }

/**
 * Rules for opening a group: open campaign, no admin accounts (SPEC §0.5), the shopper's
 * choice of N / K / duration / visibility within the campaign limits and the prize cap
 * (SPEC §4.1, §0.6), and a first look at the daily limit (decided again under a lock).
 */
export const validateOpenGroupStep = createStep(
  "fission-group-draw-validate-open-group",
  async (input: OpenGroupInput, { container }) => {
    const service = container.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
    const [campaign] = await service.listGroupDrawCampaigns({ id: input.campaign_id })
    if (!campaign) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Group draw campaign ${input.campaign_id} was not found`)
    if (!isCampaignOpen(campaign)) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This group draw campaign is not open")
    await assertNotAdmin(container, input.customer_id)
    const { lottery_prize_cap } = await getComplianceSettings(container)
    const resolved = resolveGroupRules(campaign, input.choice ?? {}, lottery_prize_cap)
    if (resolved.error) throw new MedusaError(MedusaError.Types.INVALID_DATA, resolved.error)
    if (campaign.max_groups_per_customer_per_day) {
      const n = await service.countCustomerGroupsSince(input.customer_id, campaign.id, startOfDay())
      if (n >= campaign.max_groups_per_customer_per_day) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `max_groups_per_customer_per_day reached (${campaign.max_groups_per_customer_per_day})`
        )
      }
    }
    return new StepResponse({ campaign, rules: resolved.rules! })
  }
)

/** Creates an empty open group with its own rules (daily limit decided in the database); compensation deletes it. */
export const createOpenGroupStep = createStep(
  "fission-group-draw-create-open-group",
  async (input: { campaign: any; rules: GroupRules; customer_id: string }, { container }) => {
    const service = container.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
    const { campaign, rules } = input
    const group = await service.openGroup({
      campaign_id: campaign.id,
      customer_id: input.customer_id,
      size: rules.size,
      winners: rules.winners,
      duration_hours: rules.duration_hours,
      visibility: rules.visibility,
      shopper_defined: rules.shopper_defined,
      daily_limit: campaign.max_groups_per_customer_per_day,
      day_start: startOfDay(),
    })
    return new StepResponse(group, group.id)
  },
  async (groupId, { container }) => {
    if (!groupId) return
    await container.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE).deleteGroupDrawGroups(groupId)
  }
)
