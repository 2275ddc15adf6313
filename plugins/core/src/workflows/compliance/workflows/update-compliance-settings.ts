import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ComplianceSettings, ComplianceSettingsPatch } from "../../../utils/compliance/types"
import { updateComplianceSettingsStep } from "../steps/update-compliance-settings"

export const updateComplianceSettingsWorkflowId = "fission-update-compliance-settings"

/**
 * Changes the store's compliance guardrails (SPEC §0.6) within their legal
 * limits: at most 2 commission levels, team conditions to depth 3, a lottery
 * prize cap up to 50,000, a blind-box price cap up to 200, a blind-box minimum
 * age of at least 8 and guardian consent below at least 18. The input is a
 * partial update; fields left out keep their values.
 *
 * Invalid input throws MedusaError INVALID_DATA naming the field and changes
 * nothing. If a step added after this one fails, the previous values are
 * restored.
 *
 * @example
 * const { result } = await updateComplianceSettingsWorkflow(container).run({
 *   input: { max_commission_levels: 1, blind_box_price_cap: 99 },
 * })
 */
export const updateComplianceSettingsWorkflow = createWorkflow(
  updateComplianceSettingsWorkflowId,
  (input: WorkflowData<ComplianceSettingsPatch>): WorkflowResponse<ComplianceSettings> => {
    const settings = updateComplianceSettingsStep(input)
    return new WorkflowResponse(settings)
  }
)
