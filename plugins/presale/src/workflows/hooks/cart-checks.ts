import { MedusaError } from "@medusajs/framework/utils"
import { registerCampaignLineKind, registerCartCheck, toMinor } from "@fission/core/utils"
import { PRESALE_MODULE, PresaleModuleService } from "../../modules/presale"
import { currentPrice, PRESALE_LINE_KIND, PRESALE_METADATA_KEY, presaleLines } from "../../utils"

const notAllowed = (message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message)
const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

// Core knows these lines as campaign lines: a registered, logged-in, non-admin buyer is
// required before the check below runs, and lifecycle events carry the line's campaign.
registerCampaignLineKind({ kind: PRESALE_LINE_KIND, metadata_key: PRESALE_METADATA_KEY })

/** Whether a campaign takes joiners now. */
export function isOpen(campaign: any, now = new Date()) {
  if (campaign.status !== "active") return false
  if (campaign.starts_at && new Date(campaign.starts_at) > now) return false
  if (new Date(campaign.ends_at) <= now) return false
  if (campaign.max_participants != null && campaign.participants_count >= campaign.max_participants) return false
  return true
}

/**
 * Before payment (SPEC §5.2): a cart with a pre-sale line holds that line only (quantity 1,
 * the campaign's variant, in the campaign's currency) and its price is the current tier price —
 * the price the cart shows is the price charged. The participant number itself is decided
 * when the payment is captured; a buyer whose capture comes after a threshold paid the
 * earlier tier and is refunded the difference at once (owed = paid − net).
 */
registerCartCheck("presale:join", async ({ cart, container }) => {
  const lines = presaleLines(cart.items)
  if (!lines.length) return
  if (lines.length > 1 || (cart.items ?? []).length > 1) throw invalid("items: a pre-sale order holds the pre-sale item only")
  const line = lines[0]
  if (line.quantity !== 1) throw invalid("items.quantity: a pre-sale place is bought one at a time")
  const service: PresaleModuleService = container.resolve(PRESALE_MODULE)
  const [campaign] = await service.listPresaleCampaigns({ id: line.campaign_id })
  if (!campaign) throw invalid(`metadata.presale_campaign_id: pre-sale ${line.campaign_id} was not found`)
  if (!isOpen(campaign)) throw notAllowed("This pre-sale is not open")
  if (line.variant_id !== campaign.variant_id) throw invalid("metadata.presale_campaign_id: the item is not this pre-sale's product")
  if (String(cart.currency_code).toLowerCase() !== campaign.currency_code.toLowerCase()) {
    throw invalid("currency_code: the cart's currency is not the pre-sale's")
  }
  const price = currentPrice(campaign)
  if (toMinor(line.unit_price) !== toMinor(price)) {
    throw notAllowed(`unit_price: the pre-sale price is now ${price}; add the item again to pay the current price`)
  }
})
