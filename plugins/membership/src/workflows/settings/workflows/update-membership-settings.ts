import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../modules/membership"
import { validateMembershipSettings } from "../../../utils/settings"

const updateMembershipSettingsStep = createStep(
  "fission-membership-update-settings-step",
  async (input: Record<string, unknown>, { container }) => {
    validateMembershipSettings(input)
    const service = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    const before = await service.retrieveSettings()
    const settings = await service.updateMembershipSettings({ ...input, id: before.id } as any)
    return new StepResponse(settings, before)
  },
  async (before, { container }) => {
    if (!before) return
    const { created_at, updated_at, deleted_at, ...data } = before as any
    await container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).updateMembershipSettings(data)
  }
)

/** Partial update of the membership settings; invalid values are refused with a 400 naming the field. */
export const updateMembershipSettingsWorkflow = createWorkflow(
  "fission-membership-update-settings",
  (input: Record<string, unknown>) => new WorkflowResponse(updateMembershipSettingsStep(input))
)
