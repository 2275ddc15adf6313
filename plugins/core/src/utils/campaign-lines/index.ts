/**
 * Which cart or order line belongs to which campaign. A campaign plugin registers
 * the line metadata key that carries its campaign id (group-draw:
 * `group_draw_campaign_id`, pre-sale: `presale_campaign_id`, …) from a file in its
 * `src/workflows/hooks/` folder, which Medusa imports at boot:
 *
 *     registerCampaignLineKind({ kind: "group_draw", metadata_key: "group_draw_campaign_id" })
 *
 * Core then knows every campaign line without knowing the plugins: the order
 * lifecycle events carry `line.campaign`, core's cart check requires a registered,
 * logged-in, non-admin buyer for any cart with campaign lines, and other plugins
 * (e.g. membership's accelerated shopping-fund release) ask `campaignOf(line)`
 * instead of special-casing a plugin's metadata.
 */
export type CampaignLineKind = {
  /** e.g. `group_draw`, `presale`, `blind_box` */
  kind: string
  /** The line metadata field holding the campaign id. */
  metadata_key: string
}

export type CampaignRef = { kind: string; campaign_id: string }

const REGISTRY_KEY = Symbol.for("fission.campaign-line-kinds")

// On globalThis for the same reason as the cart-check registry: a plugin can be
// loaded through several module paths, and all of them must share the kinds.
function kinds(): Map<string, CampaignLineKind> {
  const store = globalThis as unknown as Record<symbol, Map<string, CampaignLineKind> | undefined>
  return (store[REGISTRY_KEY] ??= new Map())
}

export function registerCampaignLineKind(kind: CampaignLineKind): void {
  if (!kind?.kind?.trim() || !kind?.metadata_key?.trim()) {
    throw new TypeError("registerCampaignLineKind: kind and metadata_key are required")
  }
  kinds().set(kind.kind, { kind: kind.kind, metadata_key: kind.metadata_key })
}

export function listCampaignLineKinds(): CampaignLineKind[] {
  return [...kinds().values()]
}

/** The campaign a cart/order line joins, from its metadata; null for an ordinary line. */
export function campaignOf(line: { metadata?: Record<string, unknown> | null } | null | undefined): CampaignRef | null {
  const metadata = line?.metadata
  if (!metadata) return null
  for (const k of kinds().values()) {
    const id = metadata[k.metadata_key]
    if (typeof id === "string" && id.trim()) return { kind: k.kind, campaign_id: id }
  }
  return null
}

/** The lines of `items` that join a campaign (of one kind, when given), with their campaign. */
export function campaignLinesOf<T extends { metadata?: Record<string, unknown> | null }>(
  items: (T | null | undefined)[] | null | undefined,
  kind?: string
): (T & { campaign: CampaignRef })[] {
  const found: (T & { campaign: CampaignRef })[] = []
  for (const item of items ?? []) {
    const campaign = campaignOf(item)
    if (item && campaign && (!kind || campaign.kind === kind)) found.push({ ...item, campaign })
  }
  return found
}
export * from "./buyers"
