import { MedusaError } from "@medusajs/framework/utils"
import { getComplianceSettings, registerCampaignLineKind, registerCartCheck } from "@fission/core/utils"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../modules/group-draw"
import { campaignLines, GROUP_DRAW_LINE_KIND, GROUP_DRAW_METADATA_KEY, isCampaignOpen, startOfDay, toMinor } from "../../utils"

const notAllowed = (message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message)
const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

// Core knows these lines as campaign lines: a registered, logged-in, non-admin buyer is
// required before any check below runs, and lifecycle events mark the line's campaign.
registerCampaignLineKind({ kind: GROUP_DRAW_LINE_KIND, metadata_key: GROUP_DRAW_METADATA_KEY })

/**
 * Before payment (SPEC §4.2): a cart line with `metadata.group_draw_campaign_id` must be
 * the campaign's variant at the campaign's price, quantity 1, alone of its kind in the
 * cart (core has already required a registered, logged-in, non-admin buyer), within the daily group
 * limit; a chosen `group_id` must be an open group of that campaign with a seat left.
 * A group can still fill between this check and payment: the seat itself is decided
 * when the payment is captured (a late buyer moves to a new group, never loses money).
 */
registerCartCheck("group-draw:seat", async ({ cart, container }) => {
  const lines = campaignLines(cart.items)
  if (!lines.length) return
  if (lines.length > 1) throw invalid("items: a cart can hold one group-draw item")
  const line = lines[0]
  if (line.quantity !== 1) throw invalid("items.quantity: a group-draw seat is bought one at a time")

  const service: GroupDrawModuleService = container.resolve(GROUP_DRAW_MODULE)
  const [campaign] = await service.listGroupDrawCampaigns({ id: line.campaign_id })
  if (!campaign) throw invalid(`metadata.group_draw_campaign_id: campaign ${line.campaign_id} was not found`)
  if (!isCampaignOpen(campaign)) throw notAllowed("This group draw campaign is not open")
  if (line.variant_id !== campaign.variant_id) throw invalid("metadata.group_draw_campaign_id: the item is not this campaign's product")
  if (String(cart.currency_code).toLowerCase() !== campaign.currency_code.toLowerCase())
    throw invalid("currency_code: the cart's currency is not the campaign's")
  if (toMinor(line.unit_price) !== toMinor(campaign.price))
    throw invalid(`unit_price: the campaign price is ${campaign.price}`)

  const { lottery_prize_cap } = await getComplianceSettings(container)
  if (toMinor(campaign.price) > toMinor(lottery_prize_cap))
    throw notAllowed(`The prize value exceeds the lottery prize cap (${lottery_prize_cap})`)

  const customer_id: string = cart.customer_id ?? cart.customer?.id

  if (line.group_id) {
    const [group] = await service.listGroupDrawGroups({ id: line.group_id })
    if (!group || group.campaign_id !== campaign.id)
      throw invalid(`metadata.group_id: group ${line.group_id} is not a group of this campaign`)
    if (group.status !== "open" || group.seats_taken >= group.size) throw notAllowed("This group is full")
    if (new Date(group.expires_at) <= new Date()) throw notAllowed("This group has expired")
  }

  if (campaign.max_groups_per_customer_per_day) {
    const n = await service.countCustomerGroupsSince(customer_id, campaign.id, startOfDay())
    // joining a group this customer opened today does not count twice
    const own = line.group_id ? await service.listGroupDrawGroups({ id: line.group_id, opened_by: customer_id }) : []
    if (n - (own.length ? 1 : 0) >= campaign.max_groups_per_customer_per_day) {
      throw notAllowed(`max_groups_per_customer_per_day reached (${campaign.max_groups_per_customer_per_day})`)
    }
  }
})
