import { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import * as models from "./models"
import * as forest from "./referral-forest"

const SETTINGS_ID = "dset_store"

/**
 * Distribution data: settings, promoters, the referral forest (pointers + a
 * depth-3 closure + maintained team counters), ranks, commission records,
 * per-product rules and withdrawals. Money itself lives in the @fission/core ledger.
 */
export default class DistributionModuleService extends MedusaService({ ...models }) {
  // ---- Referral forest (SPEC §2.2, §2.7): logic in ./referral-forest, one transaction per change.

  /** Sets or removes a customer's referrer; closure, team counters and audit event in one transaction. */
  @InjectTransactionManager()
  async changeReferrer(input: forest.ReferralChangeInput, @MedusaContext() sharedContext: Context = {}) {
    return forest.changeReferrer(forest.knexOf(sharedContext), input)
  }

  /** Compensation of changeReferrer: puts the previous row back. */
  @InjectTransactionManager()
  async restoreReferrer(input: forest.ReferralRestoreInput, @MedusaContext() sharedContext: Context = {}) {
    return forest.restoreReferrer(forest.knexOf(sharedContext), input)
  }

  /** A bound customer bought something: restarts the binding's expiry clock (never revives an expired one). */
  @InjectTransactionManager()
  async touchReferralPurchase(customer_id: string, at: Date, expiry_days: number | null, @MedusaContext() sharedContext: Context = {}) {
    return forest.touchReferralPurchase(forest.knexOf(sharedContext), customer_id, at, expiry_days)
  }

  @InjectTransactionManager()
  async recomputeReferralExpiry(expiry_days: number | null, @MedusaContext() sharedContext: Context = {}) {
    return forest.recomputeReferralExpiry(forest.knexOf(sharedContext), expiry_days)
  }

  /** Ancestors nearest first via referral pointers (O(depth)); stops at an expired binding unless include_expired. */
  @InjectManager()
  async listReferralUpline(
    customer_id: string,
    depth: number,
    options: { as_of?: Date; include_expired?: boolean } = {},
    @MedusaContext() sharedContext: Context = {}
  ) {
    return forest.listUpline(forest.knexOf(sharedContext), customer_id, depth, options)
  }

  @InjectManager()
  async sumTeamSales(customer_id: string, period: forest.Period, max_depth = 2, @MedusaContext() sharedContext: Context = {}) {
    return forest.teamSales(forest.knexOf(sharedContext), customer_id, period, max_depth)
  }

  @InjectManager()
  async listLeaderboard(query: forest.LeaderboardQuery, @MedusaContext() sharedContext: Context = {}) {
    return forest.leaderboard(forest.knexOf(sharedContext), query)
  }

  /** The store's settings row, created with the defaults on first read (one fixed id: no duplicates). */
  @InjectManager()
  async retrieveSettings(@MedusaContext() sharedContext: Context = {}) {
    const [existing] = await this.listDistributionSettings({ id: SETTINGS_ID }, {}, sharedContext)
    if (existing) return existing
    try {
      return await this.createDistributionSettings({ id: SETTINGS_ID }, sharedContext)
    } catch {
      // a concurrent first read created it
      return await this.retrieveDistributionSetting(SETTINGS_ID, {}, sharedContext)
    }
  }

  /**
   * Records that an order was paid or delivered, in one statement so concurrent
   * lifecycle events cannot lose each other's update: the first timestamp wins,
   * and once both are known `available_at = delivered_at + freeze_days`.
   */
  @InjectTransactionManager()
  async markOrderTimeline(
    order_id: string,
    event: "paid" | "delivered",
    freeze_days: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ order_id: string; status: string; available_at: Date | null } | null> {
    const knex = (sharedContext.transactionManager as any).getTransactionContext()
    const column = event === "paid" ? "paid_at" : "delivered_at"
    const { rows } = await knex.raw(
      `UPDATE commission_order
          SET ${column} = COALESCE(${column}, now()),
              available_at = CASE WHEN COALESCE(paid_at, ${event === "paid" ? "now()" : "NULL"}) IS NOT NULL
                                   AND COALESCE(delivered_at, ${event === "delivered" ? "now()" : "NULL"}) IS NOT NULL
                                  THEN COALESCE(delivered_at, now()) + make_interval(days => ?)
                             END,
              status = CASE WHEN status IN ('settled', 'canceled') THEN status
                            WHEN COALESCE(paid_at, ${event === "paid" ? "now()" : "NULL"}) IS NULL THEN 'placed'
                            WHEN COALESCE(delivered_at, ${event === "delivered" ? "now()" : "NULL"}) IS NULL THEN 'paid'
                            ELSE 'delivered' END,
              updated_at = now()
        WHERE order_id = ? AND deleted_at IS NULL
        RETURNING order_id, status, available_at`,
      [freeze_days, order_id]
    )
    return rows[0] ?? null
  }

  /**
   * Mirrors cumulative reversals (SPEC §0.4) onto the order's records: each
   * commission's `reversed_amount` and the order's `refunded_total` (merchandise
   * value reversed) only ever grow, so two events applied in either order — or
   * twice — leave the larger target. A fully reversed commission becomes `reversed`.
   */
  @InjectTransactionManager()
  async raiseOrderReversals(
    order_id: string,
    commissions: { id: string; reversed_amount: string }[],
    merchandise_reversed: string,
    @MedusaContext() sharedContext: Context = {}
  ) {
    const knex = (sharedContext.transactionManager as any).getTransactionContext()
    for (const c of commissions) {
      await knex.raw(
        `UPDATE commission
            SET reversed_amount = GREATEST(reversed_amount, ?::numeric),
                raw_reversed_amount = jsonb_build_object('value', GREATEST(reversed_amount, ?::numeric)::text, 'precision', 20),
                status = CASE WHEN status IN ('pending', 'available') AND GREATEST(reversed_amount, ?::numeric) >= amount
                              THEN 'reversed' ELSE status END,
                updated_at = now()
          WHERE id = ? AND order_id = ? AND deleted_at IS NULL`,
        [c.reversed_amount, c.reversed_amount, c.reversed_amount, c.id, order_id]
      )
    }
    await knex.raw(
      `UPDATE commission_order
          SET refunded_total = LEAST(base_total, GREATEST(refunded_total, ?::numeric)),
              raw_refunded_total = jsonb_build_object('value', LEAST(base_total, GREATEST(refunded_total, ?::numeric))::text, 'precision', 20),
              updated_at = now()
        WHERE order_id = ? AND deleted_at IS NULL`,
      [merchandise_reversed, merchandise_reversed, order_id]
    )
  }

  /** Moves an order to `to` only from one of `from`; returns false if another writer got there first. */
  @InjectTransactionManager()
  async transitionCommissionOrder(
    order_id: string,
    from: string[],
    to: "settled" | "canceled",
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const knex = (sharedContext.transactionManager as any).getTransactionContext()
    const { rows } = await knex.raw(
      `UPDATE commission_order SET status = ?, updated_at = now()
        WHERE order_id = ? AND status = ANY(?) AND deleted_at IS NULL RETURNING id`,
      [to, order_id, from]
    )
    return rows.length === 1
  }
}
