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
 * balances in the @fission/core ledger; reports over them (statement, statistics,
 * qualifying growth, expiring soon) are the ledger module's queries, called from
 * membership's routes and steps — this module never reads the ledger's tables.
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
}
