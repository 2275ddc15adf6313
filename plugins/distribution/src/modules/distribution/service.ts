import { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { WithdrawalAction } from "../../utils/withdrawals"
import * as reports from "./commission-reports"
import * as models from "./models"
import * as forest from "./referral-forest"
import { knexOf } from "./sql"
import * as withdrawals from "./withdrawal-rows"

const SETTINGS_ID = "dset_store"

/**
 * Distribution data: settings, promoters, the referral forest (pointers + a
 * depth-3 closure + maintained team counters), ranks, commission records,
 * per-product rules and withdrawals. Money itself lives in the @fission/core ledger.
 *
 * Raw SQL lives in focused folders next to this file (referral-forest/,
 * commission-reports/, withdrawal-rows/) and runs on the knex of the method's
 * own manager or transaction — never on the app's global connection.
 */
export default class DistributionModuleService extends MedusaService({ ...models }) {
  // ---- Referral forest (SPEC §2.2, §2.7): logic in ./referral-forest, one transaction per change.

  /** Sets or removes a customer's referrer; closure, team counters and audit event in one transaction. */
  @InjectTransactionManager()
  async changeReferrer(input: forest.ReferralChangeInput, @MedusaContext() sharedContext: Context = {}) {
    return forest.changeReferrer(knexOf(sharedContext), input)
  }

  /** Compensation of changeReferrer: puts the previous row back. */
  @InjectTransactionManager()
  async restoreReferrer(input: forest.ReferralRestoreInput, @MedusaContext() sharedContext: Context = {}) {
    return forest.restoreReferrer(knexOf(sharedContext), input)
  }

  /** A bound customer bought something: restarts the binding's expiry clock (never revives an expired one). */
  @InjectTransactionManager()
  async touchReferralPurchase(customer_id: string, at: Date, expiry_days: number | null, @MedusaContext() sharedContext: Context = {}) {
    return forest.touchReferralPurchase(knexOf(sharedContext), customer_id, at, expiry_days)
  }

  @InjectTransactionManager()
  async recomputeReferralExpiry(expiry_days: number | null, @MedusaContext() sharedContext: Context = {}) {
    return forest.recomputeReferralExpiry(knexOf(sharedContext), expiry_days)
  }

  /** Ancestors nearest first via referral pointers (O(depth)); stops at an expired binding unless include_expired. */
  @InjectManager()
  async listReferralUpline(
    customer_id: string,
    depth: number,
    options: { as_of?: Date; include_expired?: boolean } = {},
    @MedusaContext() sharedContext: Context = {}
  ) {
    return forest.listUpline(knexOf(sharedContext), customer_id, depth, options)
  }

  @InjectManager()
  async sumTeamSales(customer_id: string, period: forest.Period, max_depth = 2, @MedusaContext() sharedContext: Context = {}) {
    return forest.teamSales(knexOf(sharedContext), customer_id, period, max_depth)
  }

  @InjectManager()
  async listLeaderboard(query: forest.LeaderboardQuery, @MedusaContext() sharedContext: Context = {}) {
    return forest.leaderboard(knexOf(sharedContext), query)
  }

  // ---- Referral directory (registered with @fission/core in workflows/hooks/referral-directory.ts):
  // read-only tree queries other plugins use through core's referralDirectory(container).

  /** The customer's direct referrer through an unexpired binding, or null. */
  @InjectManager()
  async findReferrer(customer_id: string, @MedusaContext() sharedContext: Context = {}): Promise<string | null> {
    const [direct] = await forest.listUpline(knexOf(sharedContext), customer_id, 1)
    return direct?.customer_id ?? null
  }

  /** Team members per level `[level 1, …]` (depth ≤ 3) from the maintained counters. */
  @InjectManager()
  async retrieveTeamCounts(customer_id: string, depth: number, @MedusaContext() sharedContext: Context = {}) {
    return forest.directory.teamCounts(knexOf(sharedContext), customer_id, depth)
  }

  /** Per customer, members per level whose net paid merchandise in [from, to) reached min_spend; one statement. */
  @InjectManager()
  async countActiveMembersPerLevel(
    customer_ids: string[],
    query: forest.directory.ActiveMembersInput,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return forest.directory.activeMembersPerLevel(knexOf(sharedContext), customer_ids, query)
  }

  /** The nearest ancestor within depth whose promoter holds a leader rank and can earn, or null. */
  @InjectManager()
  async findTeamLeader(customer_id: string, depth: number, @MedusaContext() sharedContext: Context = {}) {
    return forest.directory.teamLeaderOf(knexOf(sharedContext), customer_id, depth, { settings_id: SETTINGS_ID })
  }

  // ---- Commission reports (admin list totals, daily chart): logic in ./commission-reports.

  /** Count and exact sums per currency and status of the commissions the filter matches. */
  @InjectManager()
  async sumCommissions(filter: reports.CommissionFilter, @MedusaContext() sharedContext: Context = {}) {
    return reports.commissionTotals(knexOf(sharedContext), filter)
  }

  /** Commission created per local day over the last `days` days, zero-filled, one currency. */
  @InjectManager()
  async sumCommissionsByDay(
    filter: reports.CommissionFilter,
    options: reports.DailyCommissionsOptions,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return reports.commissionDaily(knexOf(sharedContext), filter, options)
  }

  // ---- Withdrawals (SPEC §2.6): decisions taken in Postgres, logic in ./withdrawal-rows.

  /** Records a request unless the daily count limit is reached (advisory lock per customer, one transaction). */
  @InjectTransactionManager()
  async createWithdrawalWithinDailyLimit(input: withdrawals.NewWithdrawal, @MedusaContext() sharedContext: Context = {}) {
    return withdrawals.insertWithinDailyLimit(knexOf(sharedContext), input)
  }

  /** Compensation of createWithdrawalWithinDailyLimit: removes the request while it is still `requested`. */
  @InjectTransactionManager()
  async deleteRequestedWithdrawal(id: string, @MedusaContext() sharedContext: Context = {}) {
    return withdrawals.deleteRequested(knexOf(sharedContext), id)
  }

  /** Moves a withdrawal along `action` under a row lock; a refused move is NOT_ALLOWED naming the status found. */
  @InjectTransactionManager()
  async transitionWithdrawal(
    id: string,
    action: WithdrawalAction,
    fields: withdrawals.TransitionFields,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return withdrawals.transition(knexOf(sharedContext), id, action, fields)
  }

  /** Compensation of transitionWithdrawal (not `restoreWithdrawals`, which undoes a soft delete): the previous row, if still where the move left it. */
  @InjectTransactionManager()
  async revertWithdrawalTransition(
    previous: withdrawals.WithdrawalRow,
    from: withdrawals.WithdrawalStatus,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return withdrawals.restore(knexOf(sharedContext), previous, from)
  }

  /** The payout provider's reference on a paid withdrawal. */
  @InjectTransactionManager()
  async recordWithdrawalReference(id: string, reference: string, @MedusaContext() sharedContext: Context = {}) {
    return withdrawals.recordReference(knexOf(sharedContext), id, reference)
  }

  /** Count and exact sums per status of the withdrawals matching the admin queue's filters. */
  @InjectManager()
  async sumWithdrawals(filter: withdrawals.WithdrawalTotalsFilter, @MedusaContext() sharedContext: Context = {}) {
    return withdrawals.withdrawalTotals(knexOf(sharedContext), filter)
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
