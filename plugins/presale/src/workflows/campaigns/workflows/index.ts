import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  commitPresaleFreeDrawsStep,
  createPresaleCampaignStep,
  PresaleCampaignInput,
  updatePresaleCampaignStep,
  validatePresaleCampaignStep,
} from "../steps"

/** Admin: defines a pre-sale (rules validated); an active one gets its free-order chain committed. */
export const createPresaleCampaignWorkflow = createWorkflow("fission-presale-create-campaign", (input: PresaleCampaignInput) => {
  const data = validatePresaleCampaignStep({ data: input })
  const campaign = createPresaleCampaignStep(data)
  const ref = transform({ campaign }, ({ campaign }) => ({ campaign_id: campaign.id }))
  const committed = commitPresaleFreeDrawsStep(ref)
  return new WorkflowResponse(transform({ campaign, committed }, ({ campaign, committed }) => committed ?? campaign))
})

/** Admin: updates a pre-sale; money and draw rules are frozen once a participant has paid. */
export const updatePresaleCampaignWorkflow = createWorkflow(
  "fission-presale-update-campaign",
  (input: { id: string; data: Partial<PresaleCampaignInput> }) => {
    const validated = validatePresaleCampaignStep(input)
    const campaign = updatePresaleCampaignStep(transform({ input, validated }, ({ input, validated }) => ({ id: input.id, data: validated })))
    const committed = commitPresaleFreeDrawsStep(transform({ input }, ({ input }) => ({ campaign_id: input.id })))
    return new WorkflowResponse(transform({ campaign, committed }, ({ campaign, committed }) => committed ?? campaign))
  }
)
