export type {
  ComplianceSettingKey,
  ComplianceSettings,
  ComplianceSettingsPatch,
  MoneyInput,
  PublicComplianceLimits,
} from "./types"
export {
  COMPLIANCE_LIMITS,
  COMPLIANCE_SETTING_KEYS,
  DEFAULT_COMPLIANCE_SETTINGS,
  toPublicComplianceLimits,
} from "./defaults"
export { validateComplianceSettings } from "./validate"
export { getComplianceSettings } from "./get-compliance-settings"
