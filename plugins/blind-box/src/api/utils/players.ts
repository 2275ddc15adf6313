import { MedusaError } from "@medusajs/framework/utils"
import { assertCampaignBuyer, getComplianceSettings, toMinor } from "@fission/core/utils"
import { BLIND_BOX_MODULE, BlindBoxModuleService } from "../../modules/blind-box"

/**
 * Who may pay for a blind box (SPEC §0.6): a registered customer who is not an admin, with an
 * age confirmation on record. Returns the daily spend limit in minor units (null = none).
 */
export async function assertCanPlay(container: any, customer_id: string): Promise<{ daily_limit_minor: bigint | null }> {
  await assertCampaignBuyer(container, { customer_id })
  const service = container.resolve(BLIND_BOX_MODULE) as BlindBoxModuleService
  const [confirmation] = await service.listBlindBoxAgeConfirmations({ customer_id })
  if (!confirmation) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "confirm your age first (POST /store/fission/blind-box-age-confirmation) before your first blind-box purchase"
    )
  }
  const settings = await getComplianceSettings(container)
  if (confirmation.age < settings.blind_box_min_age) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `blind boxes are sold from the age of ${settings.blind_box_min_age}`)
  }
  const limit = settings.blind_box_daily_spend_limit
  return { daily_limit_minor: limit === null || limit === undefined ? null : toMinor(limit) }
}
