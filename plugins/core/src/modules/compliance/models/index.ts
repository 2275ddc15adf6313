export { ComplianceSetting } from "./compliance-setting"
