import { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import * as models from "./models"
import { knexOf, rows } from "./sql"

export type CouponGrantRow = {
  id: string
  idempotency_key: string
  customer_id: string
  template_promotion_id: string
  promotion_id: string | null
  code: string
  reason: string
  status: "pending" | "granted"
}

export type RedemptionRow = {
  id: string
  idempotency_key: string
  item_id: string
  customer_id: string
  kind: string
  points: number
  status: "pending" | "completed"
  promotion_id: string | null
  code: string | null
  credit_amount: string | null
  currency_code: string | null
  created_at: Date
}

export type CartPointsHoldRow = {
  id: string
  cart_id: string
  line_item_id: string
  item_id: string
  customer_id: string
  variant_id: string
  quantity: number
  points: number
  currency_code: string
  discount_per_unit: string
  promotion_id: string | null
  promotion_code: string | null
  ledger_key: string
  status: "reserved" | "placed" | "released" | "returned"
  order_id: string | null
  created_at: Date
  updated_at: Date
}

// numeric columns come back from raw SQL as strings; the API speaks decimal numbers (SPEC §0.7)
const redemptionView = (row: RedemptionRow): RedemptionRow => ({
  id: row.id,
  idempotency_key: row.idempotency_key,
  item_id: row.item_id,
  customer_id: row.customer_id,
  kind: row.kind,
  points: Number(row.points),
  status: row.status,
  promotion_id: row.promotion_id,
  code: row.code,
  credit_amount: row.credit_amount == null ? null : (Number(row.credit_amount) as any),
  currency_code: row.currency_code,
  created_at: row.created_at,
})

/** A stored redemption answering a repeated key, or the conflict that key is. */
function replayOf(existing: RedemptionRow, input: { item_id: string; customer_id: string; idempotency_key: string }) {
  if (existing.customer_id !== input.customer_id || existing.item_id !== input.item_id) {
    throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, "This Idempotency-Key was already used for another redemption", "idempotency_key_reused")
  }
  if (existing.status !== "completed") {
    throw new MedusaError(
      MedusaError.Types.DUPLICATE_ERROR,
      "The redemption with this Idempotency-Key is still in progress: retry in a moment to get its result",
      "redemption_in_progress"
    )
  }
  return redemptionView(existing)
}

/**
 * Points mall and coupons (SPEC §6.5, §6.7): catalogue, redemptions, points
 * held on cart lines, coupon grants and after-payment coupon rules. Points
 * themselves live in the @fission/core ledger; every counter here that must
 * not be exceeded under concurrency is a conditional SQL update.
 */
export default class PointsMallModuleService extends MedusaService({ ...models }) {
  /**
   * Claims `idempotency_key` for a coupon grant. Returns `created: true` with a
   * fresh pending row, or the existing row (a replay). The unique key decides
   * between concurrent claims.
   */
  @InjectTransactionManager()
  async claimCouponGrant(
    input: { idempotency_key: string; customer_id: string; template_promotion_id: string; reason: string; code: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ grant: CouponGrantRow; created: boolean }> {
    const trx = knexOf(sharedContext)
    const [inserted] = await rows<CouponGrantRow>(
      trx,
      `INSERT INTO coupon_grant (id, idempotency_key, customer_id, template_promotion_id, code, reason, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', now(), now())
       ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING
       RETURNING *`,
      [generateEntityId(undefined, "cgrt"), input.idempotency_key, input.customer_id, input.template_promotion_id, input.code, input.reason]
    )
    if (inserted) return { grant: inserted, created: true }
    const [existing] = await rows<CouponGrantRow>(
      trx,
      `SELECT * FROM coupon_grant WHERE idempotency_key = ? AND deleted_at IS NULL`,
      [input.idempotency_key]
    )
    if (existing.customer_id !== input.customer_id || existing.template_promotion_id !== input.template_promotion_id) {
      throw new MedusaError(
        MedusaError.Types.DUPLICATE_ERROR,
        `Idempotency key ${input.idempotency_key} was already used for another coupon grant`
      )
    }
    if (existing.status !== "granted") {
      throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `Coupon grant ${input.idempotency_key} is in progress; retry later`)
    }
    return { grant: existing, created: false }
  }

  @InjectTransactionManager()
  async markCouponGranted(id: string, promotion_id: string, @MedusaContext() sharedContext: Context = {}) {
    await knexOf(sharedContext).raw(
      `UPDATE coupon_grant SET status = 'granted', promotion_id = ?, updated_at = now() WHERE id = ?`,
      [promotion_id, id]
    )
  }

  /** Compensation of claimCouponGrant: the key becomes free again. */
  @InjectTransactionManager()
  async removeCouponGrant(id: string, @MedusaContext() sharedContext: Context = {}) {
    await knexOf(sharedContext).raw(`DELETE FROM coupon_grant WHERE id = ?`, [id])
  }

  /**
   * The completed redemption of `idempotency_key`, or null when the key is new. A key
   * used for another customer or item is a conflict, and so is one whose first
   * redemption is still running (a concurrent double tap).
   */
  @InjectTransactionManager()
  async findRedemptionReplay(
    input: { item_id: string; customer_id: string; idempotency_key: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RedemptionRow | null> {
    const [existing] = await rows<RedemptionRow>(
      knexOf(sharedContext),
      `SELECT * FROM mall_redemption WHERE idempotency_key = ? AND deleted_at IS NULL`,
      [input.idempotency_key]
    )
    return existing ? replayOf(existing, input) : null
  }

  /**
   * Records a pending redemption and takes one unit of stock and one use of the
   * customer's limit, in one transaction: the unique idempotency key is claimed
   * first (a concurrent request with the same key waits for this one, then sees its
   * row), stock is a conditional update (`stock > 0`), the limit a conditional
   * upsert of the customer's usage row, so concurrent redemptions can never exceed
   * either. A key already completed returns that redemption (`replayed: true`)
   * without touching stock or limit.
   */
  @InjectTransactionManager()
  async reserveRedemption(
    input: { item_id: string; customer_id: string; idempotency_key: string; points: number; kind: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ redemption: RedemptionRow; replayed: boolean }> {
    const trx = knexOf(sharedContext)
    const [redemption] = await rows<RedemptionRow>(
      trx,
      `INSERT INTO mall_redemption (id, idempotency_key, item_id, customer_id, kind, points, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', now(), now())
       ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING
       RETURNING *`,
      [generateEntityId(undefined, "mred"), input.idempotency_key, input.item_id, input.customer_id, input.kind, input.points]
    )
    if (!redemption) {
      const [existing] = await rows<RedemptionRow>(
        trx,
        `SELECT * FROM mall_redemption WHERE idempotency_key = ? AND deleted_at IS NULL`,
        [input.idempotency_key]
      )
      return { redemption: replayOf(existing, input), replayed: true }
    }
    // a refusal here throws and rolls the claimed key back with the rest
    await this.takeStockAndLimit_(trx, input.item_id, input.customer_id, 1)
    return { redemption, replayed: false }
  }

  /** Compensation of reserveRedemption: the unit of stock and the use come back, the pending row goes. */
  @InjectTransactionManager()
  async releaseRedemption(id: string, @MedusaContext() sharedContext: Context = {}) {
    const trx = knexOf(sharedContext)
    const [row] = await rows<RedemptionRow>(
      trx,
      `DELETE FROM mall_redemption WHERE id = ? AND status = 'pending' RETURNING *`,
      [id]
    )
    if (row) await this.giveBackStockAndLimit_(trx, row.item_id, row.customer_id, 1)
  }

  @InjectTransactionManager()
  async completeRedemption(
    input: { id: string; promotion_id?: string | null; code?: string | null; credit_amount?: string | null; currency_code?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RedemptionRow> {
    const [row] = await rows<RedemptionRow>(
      knexOf(sharedContext),
      `UPDATE mall_redemption SET status = 'completed', promotion_id = ?, code = ?, credit_amount = ?,
         raw_credit_amount = CASE WHEN ?::text IS NULL THEN NULL ELSE jsonb_build_object('value', ?::text, 'precision', 20) END,
         currency_code = ?, updated_at = now()
       WHERE id = ? RETURNING *`,
      [
        input.promotion_id ?? null,
        input.code ?? null,
        input.credit_amount ?? null,
        input.credit_amount ?? null,
        input.credit_amount ?? null,
        input.currency_code ?? null,
        input.id,
      ]
    )
    return redemptionView(row)
  }

  /**
   * Holds points on a cart line: takes `quantity` units of stock and of the
   * customer's limit and records the hold. The partial unique index (one
   * reserved hold per line) refuses a second apply on the same line.
   */
  @InjectTransactionManager()
  async reserveCartPoints(
    input: {
      cart_id: string
      line_item_id: string
      item_id: string
      customer_id: string
      variant_id: string
      quantity: number
      points: number
      currency_code: string
      discount_per_unit: string
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CartPointsHoldRow> {
    const trx = knexOf(sharedContext)
    await this.takeStockAndLimit_(trx, input.item_id, input.customer_id, input.quantity)
    const id = generateEntityId(undefined, "mcpt")
    const [hold] = await rows<CartPointsHoldRow>(
      trx,
      `INSERT INTO cart_points_hold (id, cart_id, line_item_id, item_id, customer_id, variant_id, quantity, points, currency_code,
         discount_per_unit, raw_discount_per_unit, ledger_key, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, jsonb_build_object('value', ?::text, 'precision', 20), ?, 'reserved', now(), now())
       ON CONFLICT (cart_id, line_item_id) WHERE status = 'reserved' AND deleted_at IS NULL DO NOTHING
       RETURNING *`,
      [
        id,
        input.cart_id,
        input.line_item_id,
        input.item_id,
        input.customer_id,
        input.variant_id,
        input.quantity,
        input.points,
        input.currency_code,
        input.discount_per_unit,
        input.discount_per_unit,
        `points-mall:cart:${id}`,
      ]
    )
    if (!hold) {
      throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, "Points are already applied to this line", "points_already_applied")
    }
    return hold
  }

  @InjectTransactionManager()
  async setHoldPromotion(id: string, promotion_id: string, code: string, @MedusaContext() sharedContext: Context = {}) {
    await knexOf(sharedContext).raw(
      `UPDATE cart_points_hold SET promotion_id = ?, promotion_code = ?, updated_at = now() WHERE id = ?`,
      [promotion_id, code, id]
    )
  }

  /** Compensation of reserveCartPoints. */
  @InjectTransactionManager()
  async dropCartPointsHold(id: string, @MedusaContext() sharedContext: Context = {}) {
    const trx = knexOf(sharedContext)
    const [row] = await rows<CartPointsHoldRow>(
      trx,
      `DELETE FROM cart_points_hold WHERE id = ? AND status = 'reserved' RETURNING *`,
      [id]
    )
    if (row) await this.giveBackStockAndLimit_(trx, row.item_id, row.customer_id, Number(row.quantity))
  }

  /**
   * Moves holds from one status to another (conditional: only rows still in
   * `from`), returning the rows this call moved — a concurrent caller gets the
   * others. Releasing or returning gives stock and limit back.
   */
  @InjectTransactionManager()
  async transitionCartPointsHolds(
    input: {
      from: CartPointsHoldRow["status"]
      to: CartPointsHoldRow["status"]
      ids?: string[]
      cart_id?: string
      order_id?: string
      set_order_id?: string
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CartPointsHoldRow[]> {
    const trx = knexOf(sharedContext)
    const where: string[] = [`status = ?`, `deleted_at IS NULL`]
    const bindings: unknown[] = [input.from]
    if (input.ids) {
      if (!input.ids.length) return []
      where.push(`id = ANY(?)`)
      bindings.push(input.ids)
    }
    if (input.cart_id) {
      where.push(`cart_id = ?`)
      bindings.push(input.cart_id)
    }
    if (input.order_id) {
      where.push(`order_id = ?`)
      bindings.push(input.order_id)
    }
    const moved = await rows<CartPointsHoldRow>(
      trx,
      `UPDATE cart_points_hold SET status = ?, order_id = COALESCE(?, order_id), updated_at = now()
       WHERE ${where.join(" AND ")} RETURNING *`,
      [input.to, input.set_order_id ?? null, ...bindings]
    )
    if (input.to === "released" || input.to === "returned") {
      for (const row of [...moved].sort((a, b) => a.item_id.localeCompare(b.item_id))) {
        await this.giveBackStockAndLimit_(trx, row.item_id, row.customer_id, Number(row.quantity))
      }
    }
    return moved
  }

  /** Reserved holds older than `before` (carts left alone), oldest first. */
  @InjectTransactionManager()
  async listStaleHolds(before: Date, limit: number, @MedusaContext() sharedContext: Context = {}) {
    return rows<CartPointsHoldRow>(
      knexOf(sharedContext),
      `SELECT * FROM cart_points_hold WHERE status = 'reserved' AND updated_at < ? AND deleted_at IS NULL
       ORDER BY updated_at LIMIT ?`,
      [before, limit]
    )
  }

  /** How much of each item a customer used (for the per-customer limit). */
  @InjectTransactionManager()
  async usageOf(customer_id: string, item_ids: string[], @MedusaContext() sharedContext: Context = {}) {
    if (!item_ids.length) return new Map<string, number>()
    const found = await rows<{ item_id: string; count: number }>(
      knexOf(sharedContext),
      `SELECT item_id, count FROM mall_item_usage WHERE customer_id = ? AND item_id = ANY(?) AND deleted_at IS NULL`,
      [customer_id, item_ids]
    )
    return new Map(found.map((r) => [r.item_id, Number(r.count)]))
  }

  private async takeStockAndLimit_(trx: any, item_id: string, customer_id: string, quantity: number) {
    const [item] = await rows<{ id: string; per_customer_limit: number | null }>(
      trx,
      `UPDATE mall_item SET stock = CASE WHEN stock IS NULL THEN NULL ELSE stock - ? END,
         redeemed_count = redeemed_count + ?, updated_at = now()
       WHERE id = ? AND deleted_at IS NULL AND (stock IS NULL OR stock >= ?)
       RETURNING id, per_customer_limit`,
      [quantity, quantity, item_id, quantity]
    )
    if (!item) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This item is out of stock", "out_of_stock")
    const [usage] = await rows(
      trx,
      `INSERT INTO mall_item_usage (id, item_id, customer_id, count, created_at, updated_at)
       SELECT ?, ?, ?, ?, now(), now() WHERE ?::int IS NULL OR ? <= ?::int
       ON CONFLICT (item_id, customer_id) WHERE deleted_at IS NULL
       DO UPDATE SET count = mall_item_usage.count + EXCLUDED.count, updated_at = now()
         WHERE ?::int IS NULL OR mall_item_usage.count + EXCLUDED.count <= ?::int
       RETURNING count`,
      [
        generateEntityId(undefined, "mitu"),
        item_id,
        customer_id,
        quantity,
        item.per_customer_limit,
        quantity,
        item.per_customer_limit,
        item.per_customer_limit,
        item.per_customer_limit,
      ]
    )
    if (!usage) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Limit of ${item.per_customer_limit} per customer reached`,
        "limit_reached"
      )
    }
  }

  private async giveBackStockAndLimit_(trx: any, item_id: string, customer_id: string, quantity: number) {
    await trx.raw(
      `UPDATE mall_item SET stock = CASE WHEN stock IS NULL THEN NULL ELSE stock + ? END,
         redeemed_count = GREATEST(redeemed_count - ?, 0), updated_at = now() WHERE id = ?`,
      [quantity, quantity, item_id]
    )
    await trx.raw(
      `UPDATE mall_item_usage SET count = GREATEST(count - ?, 0), updated_at = now()
       WHERE item_id = ? AND customer_id = ? AND deleted_at IS NULL`,
      [quantity, item_id, customer_id]
    )
  }
}
