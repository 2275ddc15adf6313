import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { getComplianceSettings } from "@fission/core/utils"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"
import { DistributionSettingsPatch, validateDistributionSettings } from "../../../utils/referral/settings"

const SETTING_FIELDS = [
  "bind_mode", "binding_expiry_days", "promoter_mode", "auto_promoter_threshold", "commission_depth",
  "level1_rate", "level2_rate", "self_purchase_commission", "freeze_days", "pass_up_count",
  "withdrawal_min_amount", "withdrawal_fee_rate", "withdrawal_daily_limit", "share_base_url",
] as const

const snapshot = (row: Record<string, any>) =>
  Object.fromEntries(SETTING_FIELDS.map((f) => [f, row[f]])) as DistributionSettingsPatch

/**
 * Validates a partial update against the legal limits (commission depth ≤ 2 and
 * ≤ the compliance setting) and saves it. When binding_expiry_days changes,
 * every live binding's deadline is recomputed from its last purchase (or bind).
 * Compensation writes the previous values back.
 */
export const updateDistributionSettingsStep = createStep(
  "fission-update-distribution-settings",
  async (patch: DistributionSettingsPatch, { container }) => {
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const current = await service.retrieveSettings()
    const compliance = await getComplianceSettings(container)
    const valid = validateDistributionSettings(current, patch, compliance)
    const updated = await service.updateDistributionSettings({ id: current.id, ...(valid as any) })
    if (valid.binding_expiry_days !== undefined && valid.binding_expiry_days !== current.binding_expiry_days) {
      await service.recomputeReferralExpiry(valid.binding_expiry_days ?? null)
    }
    return new StepResponse(updated, { id: current.id, previous: snapshot(current) })
  },
  async (data, { container }) => {
    if (!data) return
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    await service.updateDistributionSettings({ id: data.id, ...(data.previous as any) })
    await service.recomputeReferralExpiry((data.previous.binding_expiry_days as number | null) ?? null)
  }
)
