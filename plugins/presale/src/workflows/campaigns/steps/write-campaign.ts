import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PRESALE_MODULE, PresaleModuleService } from "../../../modules/presale"

export const createPresaleCampaignStep = createStep(
  "fission-presale-create-campaign",
  async (data: any, { container }) => {
    const service = container.resolve<PresaleModuleService>(PRESALE_MODULE)
    const campaign = await service.createPresaleCampaigns(data)
    return new StepResponse(campaign, campaign.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<PresaleModuleService>(PRESALE_MODULE).deletePresaleCampaigns(id)
  }
)

export const updatePresaleCampaignStep = createStep(
  "fission-presale-update-campaign",
  async (input: { id: string; data: any }, { container }) => {
    const service = container.resolve<PresaleModuleService>(PRESALE_MODULE)
    const [before] = await service.listPresaleCampaigns({ id: input.id })
    const campaign = await service.updatePresaleCampaigns({ id: input.id, ...input.data })
    const previous = Object.fromEntries(Object.keys(input.data).map((k) => [k, (before as any)[k]]))
    return new StepResponse(campaign, { id: input.id, previous })
  },
  async (undo, { container }) => {
    if (undo) await container.resolve<PresaleModuleService>(PRESALE_MODULE).updatePresaleCampaigns({ id: undo.id, ...undo.previous })
  }
)
