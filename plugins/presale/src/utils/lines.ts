import { campaignLinesOf } from "@fission/core/utils"

/** The campaign-line kind pre-sale registers with core (see workflows/hooks/cart-checks.ts). */
export const PRESALE_LINE_KIND = "presale"
export const PRESALE_METADATA_KEY = "presale_campaign_id"

export type PresaleLine = {
  line_item_id: string
  variant_id: string | null
  quantity: number
  unit_price: unknown
  campaign_id: string
  client_seed: string | null
}

/** Cart or order lines that join a pre-sale (`metadata.presale_campaign_id`). */
export function presaleLines(items: any[] | null | undefined): PresaleLine[] {
  return campaignLinesOf(items, PRESALE_LINE_KIND).map((i: any) => ({
    line_item_id: i.id,
    variant_id: i.variant_id ?? null,
    quantity: Number(i.quantity ?? 1),
    unit_price: i.unit_price,
    campaign_id: i.campaign.campaign_id,
    client_seed: typeof i.metadata?.client_seed === "string" ? i.metadata.client_seed.slice(0, 128) : null,
  }))
}
