import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../modules/group-draw"

export const createCampaignStep = createStep(
  "fission-group-draw-create-campaign",
  async (data: any, { container }) => {
    const service = container.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
    const campaign = await service.createGroupDrawCampaigns(data)
    return new StepResponse(campaign, campaign.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE).deleteGroupDrawCampaigns(id)
  }
)

export const updateCampaignStep = createStep(
  "fission-group-draw-update-campaign",
  async (input: { id: string; data: any }, { container }) => {
    const service = container.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
    const [before] = await service.listGroupDrawCampaigns({ id: input.id })
    const campaign = await service.updateGroupDrawCampaigns({ id: input.id, ...input.data })
    const previous = Object.fromEntries(Object.keys(input.data).map((k) => [k, (before as any)[k]]))
    return new StepResponse(campaign, { id: input.id, previous })
  },
  async (undo, { container }) => {
    if (undo) await container.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE).updateGroupDrawCampaigns({ id: undo.id, ...undo.previous })
  }
)
