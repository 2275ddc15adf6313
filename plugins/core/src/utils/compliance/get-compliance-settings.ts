import { MedusaContainer } from "@medusajs/framework/types"
import type FissionComplianceService from "../../modules/compliance/service"
import { COMPLIANCE_MODULE } from "../../modules/compliance"
import { ComplianceSettings } from "./types"

/**
 * Reads the store's compliance settings (SPEC §0.6) from any plugin:
 *
 *     import { getComplianceSettings } from "@fission/core/utils"
 *     const { max_commission_levels } = await getComplianceSettings(container)
 *
 * Resolves the `fission_compliance` module by key, so callers never import its
 * service. The row is created with the defaults on first read.
 */
export async function getComplianceSettings(
  container: Pick<MedusaContainer, "resolve">
): Promise<ComplianceSettings> {
  const service = container.resolve<FissionComplianceService>(COMPLIANCE_MODULE)
  return await service.retrieveSettings()
}
