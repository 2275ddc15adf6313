import { MedusaContainer } from "@medusajs/framework/types"
import { referralDirectory } from "@fission/core/utils"

/**
 * The customer's direct referrer (an unexpired binding), asked through core's
 * referral directory, which @fission/distribution answers. Without distribution
 * there is no referral tree: null, so the invite features (the invite_purchase
 * task, the shopping-fund invite bonus) simply never fire.
 */
export async function referrerOf(container: MedusaContainer, customer_id: string): Promise<string | null> {
  const directory = referralDirectory(container)
  return directory ? await directory.referrerOf(customer_id) : null
}
