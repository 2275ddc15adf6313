import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { campaignLinesOf } from "@fission/core/utils"

type Resolver = Pick<MedusaContainer, "resolve">

export type CampaignLine = {
  line_item_id: string
  variant_id: string | null
  quantity: number
  unit_price: unknown
  campaign_id: string
  group_id: string | null
  client_seed: string | null
}

/** The campaign-line kind group-draw registers with core (see workflows/hooks/cart-checks.ts). */
export const GROUP_DRAW_LINE_KIND = "group_draw"
export const GROUP_DRAW_METADATA_KEY = "group_draw_campaign_id"

/** Line items (of a cart or an order) that join a group draw (`metadata.group_draw_campaign_id`). */
export function campaignLines(items: any[] | null | undefined): CampaignLine[] {
  return campaignLinesOf(items, GROUP_DRAW_LINE_KIND).map((i: any) => ({
    line_item_id: i.id,
    variant_id: i.variant_id ?? null,
    quantity: Number(i.quantity ?? 1),
    unit_price: i.unit_price,
    campaign_id: i.campaign.campaign_id,
    group_id: typeof i.metadata.group_id === "string" && i.metadata.group_id ? i.metadata.group_id : null,
    client_seed: typeof i.metadata.client_seed === "string" ? i.metadata.client_seed.slice(0, 128) : null,
  }))
}

export async function orderWithCampaignLines(container: Resolver, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: ["id", "status", "customer_id", "currency_code", "items.id", "items.variant_id", "items.quantity", "items.unit_price", "items.metadata"],
    filters: { id: orderId },
  })
  if (!order) return null
  return {
    id: order.id as string,
    status: (order as any).status as string,
    customer_id: ((order as any).customer_id ?? null) as string | null,
    currency_code: (order as any).currency_code as string,
    lines: campaignLines((order as any).items),
  }
}
