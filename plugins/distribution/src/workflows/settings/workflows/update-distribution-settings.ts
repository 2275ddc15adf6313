import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { DistributionSettingsPatch } from "../../../utils/referral/settings"
import { updateDistributionSettingsStep } from "../steps/update-distribution-settings"

/**
 * Changes the store's distribution settings (SPEC §2): bind and promoter modes,
 * binding expiry, commission depth (1 or 2, never above the compliance cap —
 * 3 levels of team pay is pyramid selling, §0.6), rates, freeze days, pass-up
 * count, withdrawal rules and the share link base URL. Partial update; invalid
 * input throws INVALID_DATA naming the field and changes nothing.
 */
export const updateDistributionSettingsWorkflow = createWorkflow(
  "fission-update-distribution-settings",
  (input: WorkflowData<DistributionSettingsPatch>) => {
    return new WorkflowResponse(updateDistributionSettingsStep(input))
  }
)
