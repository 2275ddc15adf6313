import { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import * as models from "./models"
import { knexOf, rows, Trx } from "./sql"
import { renumberRun } from "../../utils/check-in-streak"

const SETTINGS_ID = "mset_store"

/**
 * Serialises one customer's check-in writes for the transaction: a make-up day
 * renumbers the streaks after it, which a concurrent check-in must not read half-done.
 */
const lockCustomerCheckIns = (trx: Trx, customer_id: string) =>
  trx.raw(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`fission-membership-check-in:${customer_id}`])

async function setStreaks(trx: Trx, customer_id: string, streaks: { local_date: string; streak: number }[]) {
  if (!streaks.length) return
  await trx.raw(
    `UPDATE check_in c SET streak = v.streak, updated_at = now()
       FROM (SELECT unnest(?::text[]) AS local_date, unnest(?::int[]) AS streak) v
      WHERE c.customer_id = ? AND c.local_date = v.local_date AND c.deleted_at IS NULL`,
    [streaks.map((s) => s.local_date), streaks.map((s) => s.streak), customer_id]
  )
}

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
    await lockCustomerCheckIns(trx, input.customer_id)
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

  /**
   * Records a make-up check-in for a missed `local_date` (SPEC §6.3), or returns
   * null when that day is already checked in (the same unique index decides).
   * The day continues the streak of the day before it, and the run of days that
   * follows is renumbered from it (continuity restored); their points are not
   * touched (no retroactive bonus). Returns the new row and the streaks it
   * replaced, so a compensation can put them back.
   */
  @InjectTransactionManager()
  async recordMakeupCheckIn(
    input: { customer_id: string; local_date: string; previous_date: string; points: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ check_in: CheckInRow; replaced: { local_date: string; streak: number }[] } | null> {
    const trx = knexOf(sharedContext)
    await lockCustomerCheckIns(trx, input.customer_id)
    const [previous] = await rows<{ streak: number }>(
      trx,
      `SELECT streak FROM check_in WHERE customer_id = ? AND local_date = ? AND deleted_at IS NULL`,
      [input.customer_id, input.previous_date]
    )
    const streak = (previous ? Number(previous.streak) : 0) + 1
    const [row] = await rows<CheckInRow>(
      trx,
      `INSERT INTO check_in (id, customer_id, local_date, streak, points, is_makeup, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, true, now(), now())
       ON CONFLICT (customer_id, local_date) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id, customer_id, local_date, streak, points, is_makeup`,
      [generateEntityId(undefined, "mchk"), input.customer_id, input.local_date, streak, input.points]
    )
    if (!row) return null
    const later = await rows<{ local_date: string; streak: number }>(
      trx,
      `SELECT local_date, streak FROM check_in WHERE customer_id = ? AND local_date > ? AND deleted_at IS NULL
        ORDER BY local_date LIMIT 1000`,
      [input.customer_id, input.local_date]
    )
    const run = renumberRun(input.local_date, streak, later.map((r) => r.local_date))
    const replaced = later.filter((r) => run.some((x) => x.local_date === r.local_date))
    await setStreaks(trx, input.customer_id, run)
    return { check_in: row, replaced: replaced.map((r) => ({ local_date: r.local_date, streak: Number(r.streak) })) }
  }

  /** Compensation of recordMakeupCheckIn: removes the day and puts the later streaks back. */
  @InjectTransactionManager()
  async removeMakeupCheckIn(
    input: { id: string; customer_id: string; replaced: { local_date: string; streak: number }[] },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const trx = knexOf(sharedContext)
    await lockCustomerCheckIns(trx, input.customer_id)
    await trx.raw(`DELETE FROM check_in WHERE id = ?`, [input.id])
    await setStreaks(trx, input.customer_id, input.replaced)
  }

  /**
   * Growth credited to the customer in (after, until] net of what was taken back
   * in that window: the "qualifying growth" of the yearly downgrade policy.
   */
  @InjectManager()
  async sumGrowthBetween(customer_id: string, after: Date, until: Date, @MedusaContext() sharedContext: Context = {}) {
    const [row] = await rows<{ total: string }>(
      knexOf(sharedContext),
      `SELECT COALESCE(SUM(CASE WHEN p.credit_account_id = acc.id THEN p.amount ELSE -p.amount END), 0)::text AS total
         FROM ledger_account acc
         JOIN ledger_posting p ON (p.credit_account_id = acc.id OR p.debit_account_id = acc.id)
        WHERE acc.owner_type = 'customer' AND acc.owner_id = ? AND acc.asset = 'growth' AND acc.purpose = 'main'
          AND p.status = 'posted' AND p.deleted_at IS NULL
          AND COALESCE(p.posted_at, p.created_at) > ? AND COALESCE(p.posted_at, p.created_at) <= ?`,
      [customer_id, after, until]
    )
    return Math.floor(Number(row?.total ?? 0))
  }

  /** Sets the birthday; with `once` only while none is set (concurrent first sets: one wins). */
  @InjectTransactionManager()
  async setBirthday(profile_id: string, birthday: string | null, once: boolean, @MedusaContext() sharedContext: Context = {}) {
    const updated = await rows(
      knexOf(sharedContext),
      `UPDATE member_profile SET birthday = ?, updated_at = now()
        WHERE id = ? AND deleted_at IS NULL AND (NOT ? OR birthday IS NULL) RETURNING id`,
      [birthday, profile_id, once]
    )
    return updated.length === 1
  }

  /** Marks the member as handled by the yearly re-evaluation of `year`; false if already handled. */
  @InjectTransactionManager()
  async claimYearlyEvaluation(profile_id: string, year: number, @MedusaContext() sharedContext: Context = {}) {
    const claimed = await rows(
      knexOf(sharedContext),
      `UPDATE member_profile SET level_evaluated_year = ?, updated_at = now()
        WHERE id = ? AND COALESCE(level_evaluated_year, 0) < ? AND deleted_at IS NULL RETURNING id`,
      [year, profile_id, year]
    )
    return claimed.length === 1
  }

  /** Members the yearly re-evaluation of `year` has not handled yet, by id after `after_id`. */
  @InjectManager()
  async listMembersToEvaluate(year: number, after_id: string, limit: number, @MedusaContext() sharedContext: Context = {}) {
    return rows<{ id: string; customer_id: string }>(
      knexOf(sharedContext),
      `SELECT id, customer_id FROM member_profile
        WHERE COALESCE(level_evaluated_year, 0) < ? AND id > ? AND deleted_at IS NULL ORDER BY id LIMIT ?`,
      [year, after_id, limit]
    )
  }

  /** Members whose birthday (`MM-DD`) is one of `monthDays`, by customer id after `after_id`. */
  @InjectManager()
  async listBirthdayMembers(monthDays: string[], after_id: string, limit: number, @MedusaContext() sharedContext: Context = {}) {
    return rows<{ customer_id: string; level_id: string | null; growth: number }>(
      knexOf(sharedContext),
      `SELECT customer_id, level_id, growth FROM member_profile
        WHERE birthday IS NOT NULL AND right(birthday, 5) = ANY(?)
          AND customer_id > ? AND deleted_at IS NULL ORDER BY customer_id LIMIT ?`,
      [monthDays, after_id, limit]
    )
  }

  /**
   * Points issued / spent / expired / reversed / returned per local month of
   * `timeZone` in [from, to), over every customer's points account: one
   * set-based pass over the ledger postings.
   */
  @InjectManager()
  async pointsStatsByMonth(from: Date, to: Date, timeZone: string, @MedusaContext() sharedContext: Context = {}) {
    return rows<{ month: string; kind: string; total: string }>(
      knexOf(sharedContext),
      `SELECT to_char(COALESCE(p.posted_at, p.created_at) AT TIME ZONE ?, 'YYYY-MM') AS month,
              CASE
                WHEN p.credit_account_id = acc.id AND p.reverses_posting_id IS NULL THEN 'issued'
                WHEN p.credit_account_id = acc.id THEN 'returned'
                WHEN p.reason = 'expired' THEN 'expired'
                WHEN p.reverses_posting_id IS NOT NULL THEN 'reversed'
                ELSE 'spent' END AS kind,
              SUM(p.amount)::text AS total
         FROM ledger_posting p
         JOIN ledger_account acc ON acc.id IN (p.credit_account_id, p.debit_account_id)
         JOIN ledger_account other ON other.id = CASE WHEN acc.id = p.credit_account_id THEN p.debit_account_id ELSE p.credit_account_id END
        WHERE acc.owner_type = 'customer' AND acc.asset = 'points' AND acc.purpose = 'main'
          AND other.owner_type = 'platform'
          AND p.asset = 'points' AND p.status = 'posted' AND p.deleted_at IS NULL
          AND COALESCE(p.posted_at, p.created_at) >= ? AND COALESCE(p.posted_at, p.created_at) < ?
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [timeZone, from, to]
    )
  }

  /** Member profiles per level id (null = no level). */
  @InjectManager()
  async countMembersPerLevel(@MedusaContext() sharedContext: Context = {}) {
    return rows<{ level_id: string | null; members: string }>(
      knexOf(sharedContext),
      `SELECT level_id, COUNT(*)::text AS members FROM member_profile WHERE deleted_at IS NULL GROUP BY level_id`
    )
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
