import { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import * as models from "./models"
import { knexOf, rows } from "./sql"

const SETTINGS_ID = "mset_store"

export type CheckInRow = { id: string; customer_id: string; local_date: string; streak: number; points: number; is_makeup: boolean }

/**
 * Membership data: settings, levels, member profiles and level history,
 * check-ins and what each paid order earned. Points and growth themselves are
 * balances in the @fission/core ledger; the reports below read its tables.
 */
export default class MembershipModuleService extends MedusaService({ ...models }) {
  /** The store's settings row, created with the defaults on first read (one fixed id: no duplicates). */
  @InjectManager()
  async retrieveSettings(@MedusaContext() sharedContext: Context = {}) {
    const [existing] = await this.listMembershipSettings({ id: SETTINGS_ID }, {}, sharedContext)
    if (existing) return existing
    try {
      return await this.createMembershipSettings({ id: SETTINGS_ID, checkin_streak_bonuses: { "7": 50 } }, sharedContext)
    } catch {
      // a concurrent first read created it
      return await this.retrieveMembershipSetting(SETTINGS_ID, {}, sharedContext)
    }
  }

  /**
   * Records today's check-in, or returns null when the customer already checked
   * in on `local_date`: the unique (customer_id, local_date) index decides, so of
   * concurrent requests exactly one inserts. The streak continues yesterday's.
   */
  @InjectTransactionManager()
  async recordCheckIn(
    input: { customer_id: string; local_date: string; previous_date: string; base_points: number; bonuses: Record<string, number> },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CheckInRow | null> {
    const trx = knexOf(sharedContext)
    const [previous] = await rows<{ streak: number }>(
      trx,
      `SELECT streak FROM check_in WHERE customer_id = ? AND local_date = ? AND deleted_at IS NULL`,
      [input.customer_id, input.previous_date]
    )
    const streak = (previous ? Number(previous.streak) : 0) + 1
    const points = input.base_points + Number(input.bonuses[String(streak)] ?? 0)
    const [row] = await rows<CheckInRow>(
      trx,
      `INSERT INTO check_in (id, customer_id, local_date, streak, points, is_makeup, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, false, now(), now())
       ON CONFLICT (customer_id, local_date) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id, customer_id, local_date, streak, points, is_makeup`,
      [generateEntityId(undefined, "mchk"), input.customer_id, input.local_date, streak, points]
    )
    return row ?? null
  }

  /** Compensation of recordCheckIn (the points could not be credited). */
  @InjectTransactionManager()
  async removeCheckIn(id: string, @MedusaContext() sharedContext: Context = {}) {
    await knexOf(sharedContext).raw(`DELETE FROM check_in WHERE id = ?`, [id])
  }

  /** Moves an order to `to` only from one of `from`; false if another writer got there first. */
  @InjectTransactionManager()
  async transitionMembershipOrder(
    order_id: string,
    from: string[],
    to: "released" | "canceled",
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const result = await rows(
      knexOf(sharedContext),
      `UPDATE membership_order SET status = ?, updated_at = now()
        WHERE order_id = ? AND status = ANY(?) AND deleted_at IS NULL RETURNING id`,
      [to, order_id, from]
    )
    return result.length === 1
  }

  /** Points of the customer's open lots expiring in (after, until]: credit minus what was consumed. */
  @InjectManager()
  async sumExpiringPoints(customer_id: string, after: Date, until: Date, @MedusaContext() sharedContext: Context = {}) {
    const [row] = await rows<{ total: string }>(
      knexOf(sharedContext),
      `SELECT COALESCE(SUM(remaining), 0)::text AS total FROM (
         SELECT p.amount - COALESCE(SUM(a.amount), 0) AS remaining
           FROM ledger_posting p
           JOIN ledger_account acc ON acc.id = p.credit_account_id
           LEFT JOIN ledger_lot_allocation a ON a.lot_posting_id = p.id AND a.deleted_at IS NULL
          WHERE acc.owner_type = 'customer' AND acc.owner_id = ? AND acc.asset = 'points' AND acc.purpose = 'main'
            AND p.is_lot AND p.status = 'posted' AND p.deleted_at IS NULL
            AND p.expires_at > ? AND p.expires_at <= ?
          GROUP BY p.id, p.amount) lots
        WHERE remaining > 0`,
      [customer_id, after, until]
    )
    return Number(row?.total ?? 0)
  }

  /**
   * Posted points movements of the customer in [from, to) by kind and reason:
   * earned (credits), spent (debits), expired, reversed (earnings taken back) and
   * returned (spends given back).
   */
  @InjectManager()
  async summarizePoints(customer_id: string, from: Date, to: Date, @MedusaContext() sharedContext: Context = {}) {
    return rows<{ kind: string; reason: string; total: string; count: string }>(
      knexOf(sharedContext),
      `SELECT kind, reason, SUM(amount)::text AS total, COUNT(*)::text AS count FROM (
         SELECT CASE
                  WHEN p.credit_account_id = acc.id AND p.reverses_posting_id IS NULL THEN 'earned'
                  WHEN p.credit_account_id = acc.id THEN 'returned'
                  WHEN p.reason = 'expired' THEN 'expired'
                  WHEN p.reverses_posting_id IS NOT NULL THEN 'reversed'
                  ELSE 'spent' END AS kind,
                p.reason, p.amount
           FROM ledger_posting p
           JOIN ledger_account acc ON acc.id IN (p.credit_account_id, p.debit_account_id)
          WHERE acc.owner_type = 'customer' AND acc.owner_id = ? AND acc.asset = 'points' AND acc.purpose = 'main'
            AND p.status = 'posted' AND p.deleted_at IS NULL
            AND COALESCE(p.posted_at, p.created_at) >= ? AND COALESCE(p.posted_at, p.created_at) < ?) m
        GROUP BY kind, reason ORDER BY kind, reason`,
      [customer_id, from, to]
    )
  }
}
