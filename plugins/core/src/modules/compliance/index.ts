import { Module } from "@medusajs/framework/utils"
import FissionComplianceService from "./service"

/** Container key of the compliance module (SPEC §0.6). */
export const COMPLIANCE_MODULE = "fission_compliance"

export { FissionComplianceService }

export default Module(COMPLIANCE_MODULE, {
  service: FissionComplianceService,
})
