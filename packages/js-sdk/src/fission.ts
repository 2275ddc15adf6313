import type Medusa from "@medusajs/js-sdk"
import type { Client } from "@medusajs/js-sdk"
import type { StoreRouteKey } from "./generated/types"
import {
  CallArgs,
  clientOf,
  FissionBody as B,
  FissionOptions,
  FissionQuery as Q,
  FissionResponse,
  FissionTransport,
  fillPath,
  RequestOptions,
  splitKey,
} from "./client"

type R<K extends StoreRouteKey> = Promise<FissionResponse<K>>
type O = RequestOptions

/**
 * The Fission Store API on top of a `@medusajs/js-sdk` instance: one typed method per Store route,
 * grouped by resource. Every call sends what `sdk.client.fetch` would (publishable key, the
 * logged-in customer's JWT or session cookie, locale, global headers) and throws
 * {@link FissionError} with Medusa's error body on failure.
 *
 *     const fission = new Fission(sdk)
 *     const { referral } = await fission.referral.retrieve()
 */
export class Fission {
  readonly transport: FissionTransport

  constructor(sdk: Medusa | Client, options: FissionOptions = {}) {
    this.transport = new FissionTransport(clientOf(sdk), options)
  }

  /** Calls any Store route by its key, e.g. `call("GET /store/fission/withdrawals/:id", { params: { id } })`. */
  call<K extends StoreRouteKey>(key: K, args: CallArgs = {}, options?: O): R<K> {
    const [method, template] = splitKey(key)
    return this.transport.request(method, fillPath(template, args.params), { query: args.query, body: args.body }, options)
  }

  /** §0.5 fair draws: everything needed to recompute a draw (seed revealed after the draw). */
  readonly draws = {
    /** GET /store/fission/draws/:id */
    retrieve: (id: string, options?: O): R<"GET /store/fission/draws/:id"> =>
      this.call("GET /store/fission/draws/:id", { params: { id } }, options),
  }

  /** §0.6 compliance settings the storefront must disclose. */
  readonly compliance = {
    /** GET /store/fission/compliance */
    retrieve: (options?: O): R<"GET /store/fission/compliance"> => this.call("GET /store/fission/compliance", {}, options),
  }

  /** The customer's reward balances (ledger + store credit). */
  readonly wallet = {
    /** GET /store/fission/wallet */
    retrieve: (options?: O): R<"GET /store/fission/wallet"> => this.call("GET /store/fission/wallet", {}, options),
    /** GET /store/fission/wallet/history `{ asset?, limit?, cursor? }` */
    history: (query?: Q<"GET /store/fission/wallet/history">, options?: O): R<"GET /store/fission/wallet/history"> =>
      this.call("GET /store/fission/wallet/history", { query }, options),
    /** POST /store/fission/wallet/top-ups `{ cart_id, amount }`: adds a top-up line to the customer's cart. */
    topUp: (body: B<"POST /store/fission/wallet/top-ups">, options?: O): R<"POST /store/fission/wallet/top-ups"> =>
      this.call("POST /store/fission/wallet/top-ups", { body }, options),
  }

  // ------------------------------------------------------------------ @fission/distribution
  readonly referral = {
    /** GET /store/fission/referral: own code, link, promoter status, referrer, team counts. */
    retrieve: (options?: O): R<"GET /store/fission/referral"> => this.call("GET /store/fission/referral", {}, options),
    /** POST /store/fission/referral/bind `{ code, source? }` */
    bind: (body: B<"POST /store/fission/referral/bind">, options?: O): R<"POST /store/fission/referral/bind"> =>
      this.call("POST /store/fission/referral/bind", { body }, options),
    /** GET /store/fission/referral/poster: the share poster, a PNG `Blob`. */
    poster: (options?: O): R<"GET /store/fission/referral/poster"> =>
      this.call("GET /store/fission/referral/poster", {}, { ...options, headers: { accept: "image/png", ...options?.headers } }),
  }

  readonly promoter = {
    /** POST /store/fission/promoter/apply `{ real_name?, phone?, note? }` */
    apply: (body: B<"POST /store/fission/promoter/apply"> = {}, options?: O): R<"POST /store/fission/promoter/apply"> =>
      this.call("POST /store/fission/promoter/apply", { body }, options),
  }

  readonly team = {
    /** GET /store/fission/team `{ level?, limit?, offset? }` */
    list: (query?: Q<"GET /store/fission/team">, options?: O): R<"GET /store/fission/team"> =>
      this.call("GET /store/fission/team", { query }, options),
    /** GET /store/fission/team/summary */
    summary: (options?: O): R<"GET /store/fission/team/summary"> => this.call("GET /store/fission/team/summary", {}, options),
  }

  readonly commissions = {
    /** GET /store/fission/commissions `{ status?, limit?, offset? }` */
    list: (query?: Q<"GET /store/fission/commissions">, options?: O): R<"GET /store/fission/commissions"> =>
      this.call("GET /store/fission/commissions", { query }, options),
    /** POST /store/fission/commissions/convert `{ amount, idempotency_key? }`: commission → store credit. */
    convert: (body: B<"POST /store/fission/commissions/convert">, options?: O): R<"POST /store/fission/commissions/convert"> =>
      this.call("POST /store/fission/commissions/convert", { body }, options),
  }

  readonly withdrawals = {
    /** GET /store/fission/withdrawals `{ status?, offset?, limit? }` */
    list: (query?: Q<"GET /store/fission/withdrawals">, options?: O): R<"GET /store/fission/withdrawals"> =>
      this.call("GET /store/fission/withdrawals", { query }, options),
    /** GET /store/fission/withdrawals/:id */
    retrieve: (id: string, options?: O): R<"GET /store/fission/withdrawals/:id"> =>
      this.call("GET /store/fission/withdrawals/:id", { params: { id } }, options),
    /** POST /store/fission/withdrawals `{ amount, method, account? }` */
    create: (body: B<"POST /store/fission/withdrawals">, options?: O): R<"POST /store/fission/withdrawals"> =>
      this.call("POST /store/fission/withdrawals", { body }, options),
  }

  readonly leaderboard = {
    /** GET /store/fission/leaderboard `{ period?, by?, currency_code?, limit? }` (public) */
    list: (query?: Q<"GET /store/fission/leaderboard">, options?: O): R<"GET /store/fission/leaderboard"> =>
      this.call("GET /store/fission/leaderboard", { query }, options),
  }

  // ------------------------------------------------------------------ @fission/rebates
  readonly rebates = {
    /** GET /store/fission/rebates/status `{ month? }` */
    status: (query?: Q<"GET /store/fission/rebates/status">, options?: O): R<"GET /store/fission/rebates/status"> =>
      this.call("GET /store/fission/rebates/status", { query }, options),
    /** GET /store/fission/rebates/history `{ limit?, offset? }` */
    history: (query?: Q<"GET /store/fission/rebates/history">, options?: O): R<"GET /store/fission/rebates/history"> =>
      this.call("GET /store/fission/rebates/history", { query }, options),
  }

  // ------------------------------------------------------------------ @fission/group-draw
  readonly groupDraws = {
    /** GET /store/fission/group-draws `{ offset?, limit? }` (public) */
    list: (query?: Q<"GET /store/fission/group-draws">, options?: O): R<"GET /store/fission/group-draws"> =>
      this.call("GET /store/fission/group-draws", { query }, options),
    /** GET /store/fission/group-draws/:id (public) */
    retrieve: (id: string, options?: O): R<"GET /store/fission/group-draws/:id"> =>
      this.call("GET /store/fission/group-draws/:id", { params: { id } }, options),
    /**
     * POST /store/fission/group-draws/:id/groups: opens a shopper-defined group; put the returned
     * `group.id` on the cart line with `fissionLineMetadata.joinGroup(campaignId, group.id)`.
     */
    openGroup: (id: string, body: B<"POST /store/fission/group-draws/:id/groups"> = {}, options?: O): R<"POST /store/fission/group-draws/:id/groups"> =>
      this.call("POST /store/fission/group-draws/:id/groups", { params: { id }, body }, options),
  }

  readonly groups = {
    /** GET /store/fission/groups/:group_id (share page of a group) */
    retrieve: (groupId: string, options?: O): R<"GET /store/fission/groups/:group_id"> =>
      this.call("GET /store/fission/groups/:group_id", { params: { group_id: groupId } }, options),
    /** GET /store/fission/my/groups `{ offset?, limit? }` */
    mine: (query?: Q<"GET /store/fission/my/groups">, options?: O): R<"GET /store/fission/my/groups"> =>
      this.call("GET /store/fission/my/groups", { query }, options),
  }

  // ------------------------------------------------------------------ @fission/presale
  readonly presales = {
    /** GET /store/fission/presales `{ offset?, limit?, status? }` (public) */
    list: (query?: Q<"GET /store/fission/presales">, options?: O): R<"GET /store/fission/presales"> =>
      this.call("GET /store/fission/presales", { query }, options),
    /** GET /store/fission/presales/:id (public; a logged-in customer also gets `me`) */
    retrieve: (id: string, options?: O): R<"GET /store/fission/presales/:id"> =>
      this.call("GET /store/fission/presales/:id", { params: { id } }, options),
    /** GET /store/fission/presales/:id/draws `{ offset?, limit? }` */
    draws: (id: string, query?: Q<"GET /store/fission/presales/:id/draws">, options?: O): R<"GET /store/fission/presales/:id/draws"> =>
      this.call("GET /store/fission/presales/:id/draws", { params: { id }, query }, options),
    /** POST /store/fission/presales/:id/line-items `{ cart_id, client_seed? }`: adds the pre-sale item to a cart. */
    addToCart: (id: string, body: B<"POST /store/fission/presales/:id/line-items">, options?: O): R<"POST /store/fission/presales/:id/line-items"> =>
      this.call("POST /store/fission/presales/:id/line-items", { params: { id }, body }, options),
  }

  // ------------------------------------------------------------------ @fission/blind-box
  readonly blindBoxes = {
    /** GET /store/fission/blind-box-templates `{ offset?, limit? }`: odds, prize, prices, no-win window (public). */
    templates: (query?: Q<"GET /store/fission/blind-box-templates">, options?: O): R<"GET /store/fission/blind-box-templates"> =>
      this.call("GET /store/fission/blind-box-templates", { query }, options),
    /** GET /store/fission/blind-box-age-confirmation */
    ageConfirmation: (options?: O): R<"GET /store/fission/blind-box-age-confirmation"> =>
      this.call("GET /store/fission/blind-box-age-confirmation", {}, options),
    /** POST /store/fission/blind-box-age-confirmation `{ age, guardian_consent?, guardian_name? }` */
    confirmAge: (body: B<"POST /store/fission/blind-box-age-confirmation">, options?: O): R<"POST /store/fission/blind-box-age-confirmation"> =>
      this.call("POST /store/fission/blind-box-age-confirmation", { body }, options),
    /** POST /store/fission/blind-boxes `{ template_id, client_seed?, idempotency_key? }`: initiates a blind box. */
    initiate: (body: B<"POST /store/fission/blind-boxes">, options?: O): R<"POST /store/fission/blind-boxes"> =>
      this.call("POST /store/fission/blind-boxes", { body }, options),
    /** GET /store/fission/blind-boxes/:id: the public state (no login needed; a logged-in viewer is recognised). */
    retrieve: (id: string, options?: O): R<"GET /store/fission/blind-boxes/:id"> =>
      this.call("GET /store/fission/blind-boxes/:id", { params: { id } }, options),
    /** POST /store/fission/blind-boxes/:id/opens `{ idempotency_key? }`: opens the next box, paid from the wallet. */
    open: (id: string, body: B<"POST /store/fission/blind-boxes/:id/opens"> = {}, options?: O): R<"POST /store/fission/blind-boxes/:id/opens"> =>
      this.call("POST /store/fission/blind-boxes/:id/opens", { params: { id }, body }, options),
    /** POST /store/fission/blind-boxes/:id/claim `{ choice, shipping_address? }` */
    claim: (id: string, body: B<"POST /store/fission/blind-boxes/:id/claim">, options?: O): R<"POST /store/fission/blind-boxes/:id/claim"> =>
      this.call("POST /store/fission/blind-boxes/:id/claim", { params: { id }, body }, options),
    /** GET /store/fission/my/blind-boxes `{ offset?, limit? }` */
    mine: (query?: Q<"GET /store/fission/my/blind-boxes">, options?: O): R<"GET /store/fission/my/blind-boxes"> =>
      this.call("GET /store/fission/my/blind-boxes", { query }, options),
  }

  // ------------------------------------------------------------------ @fission/membership
  readonly membership = {
    /** GET /store/fission/membership: level, points, growth, shopping fund, benefits. */
    retrieve: (options?: O): R<"GET /store/fission/membership"> => this.call("GET /store/fission/membership", {}, options),
    /** POST /store/fission/membership `{ birthday }` (once; admins can change it later) */
    update: (body: B<"POST /store/fission/membership">, options?: O): R<"POST /store/fission/membership"> =>
      this.call("POST /store/fission/membership", { body }, options),
    /** GET /store/fission/membership/exclusive-products */
    exclusiveProducts: (options?: O): R<"GET /store/fission/membership/exclusive-products"> =>
      this.call("GET /store/fission/membership/exclusive-products", {}, options),
  }

  readonly points = {
    /** GET /store/fission/points/statement `{ from?, to? }` */
    statement: (query?: Q<"GET /store/fission/points/statement">, options?: O): R<"GET /store/fission/points/statement"> =>
      this.call("GET /store/fission/points/statement", { query }, options),
    /** POST /store/fission/carts/:id/points `{ line_item_id }` or `{ item_id }`: reserves points for a points-mall line. */
    applyToCart: (cartId: string, body: B<"POST /store/fission/carts/:id/points">, options?: O): R<"POST /store/fission/carts/:id/points"> =>
      this.call("POST /store/fission/carts/:id/points", { params: { id: cartId }, body }, options),
    /** DELETE /store/fission/carts/:id/points `{ line_item_id? }`: releases the points reserved on the cart. */
    removeFromCart: (cartId: string, body: B<"DELETE /store/fission/carts/:id/points"> = {}, options?: O): R<"DELETE /store/fission/carts/:id/points"> =>
      this.call("DELETE /store/fission/carts/:id/points", { params: { id: cartId }, body }, options),
  }

  readonly checkIns = {
    /** GET /store/fission/check-ins `{ month? }` */
    list: (query?: Q<"GET /store/fission/check-ins">, options?: O): R<"GET /store/fission/check-ins"> =>
      this.call("GET /store/fission/check-ins", { query }, options),
    /** POST /store/fission/check-ins: today's check-in. */
    create: (options?: O): R<"POST /store/fission/check-ins"> => this.call("POST /store/fission/check-ins", { body: {} }, options),
    /** POST /store/fission/check-ins/makeup `{ date }` */
    makeup: (body: B<"POST /store/fission/check-ins/makeup">, options?: O): R<"POST /store/fission/check-ins/makeup"> =>
      this.call("POST /store/fission/check-ins/makeup", { body }, options),
  }

  readonly tasks = {
    /** GET /store/fission/tasks */
    list: (options?: O): R<"GET /store/fission/tasks"> => this.call("GET /store/fission/tasks", {}, options),
    /** POST /store/fission/tasks/:id/claim */
    claim: (id: string, options?: O): R<"POST /store/fission/tasks/:id/claim"> =>
      this.call("POST /store/fission/tasks/:id/claim", { params: { id }, body: {} }, options),
    /** POST /store/fission/tasks/shares `{ channel?, target? }`: reports a share (share tasks). */
    reportShare: (body: B<"POST /store/fission/tasks/shares"> = {}, options?: O): R<"POST /store/fission/tasks/shares"> =>
      this.call("POST /store/fission/tasks/shares", { body }, options),
  }

  readonly pointsMall = {
    /** GET /store/fission/points-mall */
    list: (options?: O): R<"GET /store/fission/points-mall"> => this.call("GET /store/fission/points-mall", {}, options),
    /** POST /store/fission/points-mall/:item_id/redeem */
    redeem: (itemId: string, options?: O): R<"POST /store/fission/points-mall/:item_id/redeem"> =>
      this.call("POST /store/fission/points-mall/:item_id/redeem", { params: { item_id: itemId }, body: {} }, options),
  }

  readonly coupons = {
    /** GET /store/fission/coupons: the customer's coupons (level and points-mall). */
    list: (options?: O): R<"GET /store/fission/coupons"> => this.call("GET /store/fission/coupons", {}, options),
  }

  readonly productReviews = {
    /** GET /store/fission/product-reviews `{ product_id, limit?, offset? }` (public) */
    list: (query: Q<"GET /store/fission/product-reviews">, options?: O): R<"GET /store/fission/product-reviews"> =>
      this.call("GET /store/fission/product-reviews", { query }, options),
    /** POST /store/fission/product-reviews `{ product_id, rating, content? }` */
    create: (body: B<"POST /store/fission/product-reviews">, options?: O): R<"POST /store/fission/product-reviews"> =>
      this.call("POST /store/fission/product-reviews", { body }, options),
  }
}

/** `withFission(sdk)` → the same sdk with `sdk.fission` (a {@link Fission}) attached. */
export function withFission<T extends Medusa>(sdk: T, options?: FissionOptions): T & { fission: Fission } {
  const fission = new Fission(sdk, options)
  Object.defineProperty(sdk, "fission", { value: fission, enumerable: false, configurable: true })
  return sdk as T & { fission: Fission }
}
