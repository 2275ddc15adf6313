/**
 * Metadata the Fission plugins read from Medusa objects the storefront creates itself
 * (cart line items, carts/orders, customers). Spread the result into the `metadata` of
 * `sdk.store.cart.createLineItem(cartId, { variant_id, quantity: 1, metadata })` etc.
 *
 * Keys, as read by the plugins:
 * - `group_draw_campaign_id` (+ optional `group_id`, `client_seed`) on a cart line: a group-draw seat
 *   (@fission/group-draw; without `group_id` the seat goes to the open group the server picks);
 * - `presale_campaign_id` (+ `client_seed`) on a cart line: a pre-sale order (@fission/presale;
 *   `fission.presales.addToCart()` sets it for you);
 * - `referral_code` (+ `referral_source: "link"` from a share link) on the customer at sign-up, or on
 *   the cart so it reaches the first order (@fission/distribution);
 * - `fission_wallet_top_up` on a cart line: a wallet top-up, set by `fission.wallet.topUp()` only.
 */
export const FISSION_METADATA_KEYS = {
  groupDrawCampaignId: "group_draw_campaign_id",
  groupId: "group_id",
  presaleCampaignId: "presale_campaign_id",
  referralCode: "referral_code",
  referralSource: "referral_source",
  clientSeed: "client_seed",
  walletTopUp: "fission_wallet_top_up",
} as const

/** The server keeps the first 128 characters of a client seed. */
export const CLIENT_SEED_MAX_LENGTH = 128

export type ClientSeedOption = {
  /**
   * The shopper's contribution to the fair draw (SPEC §0.5). Default: a fresh random 32-hex seed,
   * as the storefront should send; `false` sends none.
   */
  clientSeed?: string | false
}

/** A random client seed (128 bits, hex) from the platform's CSPRNG. */
export function randomClientSeed(): string {
  const bytes = new Uint8Array(16)
  const c = (globalThis as any).crypto
  if (!c?.getRandomValues) throw new Error("Fission: no crypto.getRandomValues; pass clientSeed explicitly")
  c.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")
}

function seed(opts: ClientSeedOption | undefined): { client_seed?: string } {
  if (opts?.clientSeed === false) return {}
  const s = typeof opts?.clientSeed === "string" ? opts.clientSeed : randomClientSeed()
  if (!s || s.length > CLIENT_SEED_MAX_LENGTH) throw new RangeError(`Fission: clientSeed must be 1-${CLIENT_SEED_MAX_LENGTH} characters`)
  return { client_seed: s }
}

function id(name: string, value: string): string {
  if (typeof value !== "string" || !value.trim()) throw new TypeError(`Fission: ${name} is required`)
  return value
}

export type GroupDrawLineMetadata = { group_draw_campaign_id: string; group_id?: string; client_seed?: string }
export type PresaleLineMetadata = { presale_campaign_id: string; client_seed?: string }
export type ReferralMetadata = { referral_code: string; referral_source?: "link" | "code" }

export const fissionLineMetadata = {
  /** A seat in a group draw; the server places it in an open group (or opens a new one). */
  groupDraw(campaignId: string, opts: ClientSeedOption & { groupId?: string } = {}): GroupDrawLineMetadata {
    return {
      group_draw_campaign_id: id("campaignId", campaignId),
      ...(opts.groupId ? { group_id: opts.groupId } : {}),
      ...seed(opts),
    }
  },
  /** A seat in a chosen group (e.g. from a share link, or the group `groupDraws.openGroup()` returned). */
  joinGroup(campaignId: string, groupId: string, opts: ClientSeedOption = {}): GroupDrawLineMetadata {
    return fissionLineMetadata.groupDraw(campaignId, { ...opts, groupId: id("groupId", groupId) })
  },
  /** A seat that does not pick a group: the first buyer opens a group of the campaign's default size. */
  openGroup(campaignId: string, opts: ClientSeedOption = {}): GroupDrawLineMetadata {
    return fissionLineMetadata.groupDraw(campaignId, opts)
  },
  /** A pre-sale line (prefer `fission.presales.addToCart()`, which also prices it). */
  presale(campaignId: string, opts: ClientSeedOption = {}): PresaleLineMetadata {
    return { presale_campaign_id: id("campaignId", campaignId), ...seed(opts) }
  },
  /** Whether a cart/order line is a wallet top-up (those earn nothing and are not merchandise). */
  isWalletTopUp(metadata: Record<string, unknown> | null | undefined): boolean {
    return !!metadata && FISSION_METADATA_KEYS.walletTopUp in metadata
  },
}

/**
 * Referral code metadata: on `sdk.store.customer.create({ ..., metadata })` it binds at sign-up
 * (bind mode on_register / anytime_until_first_order); on the cart (`sdk.store.cart.update(id,
 * { metadata })`) it reaches the order and binds on the first order.
 */
export function referralMetadata(code: string, source: "link" | "code" = "code"): ReferralMetadata {
  return { referral_code: id("code", code).trim(), ...(source === "link" ? { referral_source: "link" as const } : {}) }
}

/** `?ref=CODE` of a share link → referral metadata with source "link" (or null without a code). */
export function referralFromUrl(url: string | URL, param = "ref"): ReferralMetadata | null {
  const u = typeof url === "string" ? new URL(url, "http://localhost") : url
  const code = u.searchParams.get(param)?.trim()
  return code ? referralMetadata(code, "link") : null
}
