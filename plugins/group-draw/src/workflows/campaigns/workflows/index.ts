import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { CampaignInput, createCampaignStep, updateCampaignStep, validateCampaignStep } from "../steps"

/** Admin: defines a campaign after checking its rules and the lottery prize cap. */
export const createGroupDrawCampaignWorkflow = createWorkflow(
  "fission-group-draw-create-campaign",
  (input: CampaignInput) => {
    const data = validateCampaignStep({ data: input })
    return new WorkflowResponse(createCampaignStep(data))
  }
)

/** Admin: updates a campaign; money rules are locked once it has groups. */
export const updateGroupDrawCampaignWorkflow = createWorkflow(
  "fission-group-draw-update-campaign",
  (input: { id: string; data: Partial<CampaignInput> }) => {
    const validated = validateCampaignStep(input)
    const update = transform({ input, validated }, ({ input, validated }) => ({
      id: input.id,
      data: validated,
    }))
    return new WorkflowResponse(updateCampaignStep(update))
  }
)
