import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMPLIANCE_MODULE } from "../../../modules/compliance"
import type FissionComplianceService from "../../../modules/compliance/service"
import { ComplianceSettings, ComplianceSettingsPatch } from "../../../utils/compliance/types"

export const updateComplianceSettingsStepId = "fission-update-compliance-settings-step"

/**
 * Validates and saves a partial update of the compliance settings. The
 * compensation writes back the complete previous snapshot (always a valid
 * combination, since it was saved through the same validation).
 */
export const updateComplianceSettingsStep = createStep(
  updateComplianceSettingsStepId,
  async (patch: ComplianceSettingsPatch, { container }) => {
    const service = container.resolve<FissionComplianceService>(COMPLIANCE_MODULE)
    const previous = await service.retrieveSettings()
    const updated = await service.updateSettings(patch)
    return new StepResponse(updated, previous)
  },
  async (previous: ComplianceSettings | undefined, { container }) => {
    if (!previous) {
      return
    }
    const service = container.resolve<FissionComplianceService>(COMPLIANCE_MODULE)
    await service.updateSettings(previous)
  }
)
