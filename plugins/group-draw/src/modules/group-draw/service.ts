import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import * as models from "./models"
import { existingSeat, takeSeat, TakeSeatInput, TakeSeatResult } from "./seats"

const knexOf = (sharedContext: Context): any => {
  const manager = (sharedContext.transactionManager ?? sharedContext.manager) as any
  return manager.getTransactionContext?.() ?? manager.getKnex()
}

/**
 * Group-draw data: campaigns, groups and their paid members. Seats are decided in
 * Postgres (see ./seats); money lives in the @fission/core ledger and the loyalty
 * plugin's store credit, draws in @fission/core's fair-draw module.
 */
export default class GroupDrawModuleService extends MedusaService({ ...models }) {
  /** Seats a paid order in one transaction (idempotent per order). */
  @InjectManager()
  async takeSeat(input: TakeSeatInput, @MedusaContext() sharedContext: Context = {}): Promise<TakeSeatResult> {
    try {
      return await this.takeSeat_(input, sharedContext)
    } catch (e: any) {
      // a concurrent delivery of the same event seated this order first (unique order_id)
      if (e?.code === "23505" || /unique|duplicate/i.test(String(e?.message))) {
        const member = await existingSeat(knexOf(sharedContext), input.order_id)
        if (member) {
          const [group] = await this.listGroupDrawGroups({ id: member.group_id }, {}, sharedContext)
          return { member, group, became_full: false, created_group: false, replayed: true }
        }
      }
      throw e
    }
  }

  @InjectTransactionManager()
  protected async takeSeat_(input: TakeSeatInput, @MedusaContext() sharedContext: Context = {}) {
    return takeSeat(knexOf(sharedContext), input)
  }

  /** Moves a group to `to` only from one of `from`; false if another writer got there first. */
  @InjectTransactionManager()
  async transitionGroup(
    group_id: string,
    from: string[],
    to: string,
    extra: { drawn_at?: boolean; completed_at?: boolean } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const { rows } = await knexOf(sharedContext).raw(
      `UPDATE group_draw_group SET status = ?, updated_at = now()
              ${extra.drawn_at ? ", drawn_at = COALESCE(drawn_at, now())" : ""}
              ${extra.completed_at ? ", completed_at = COALESCE(completed_at, now())" : ""}
        WHERE id = ? AND status = ANY(?) AND deleted_at IS NULL RETURNING id`,
      [to, group_id, from]
    )
    return rows.length === 1
  }

  /**
   * Ends an open group whose deadline passed without filling (SPEC §4.1): its members
   * become losers (`lost`) to refund in full, without rewards. The status change takes the row
   * lock seat claims take, so a seat is either claimed before (and refunded here) or refused.
   */
  @InjectTransactionManager()
  async failExpiredGroup(group_id: string, as_of: Date, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const knex = knexOf(sharedContext)
    const { rows } = await knex.raw(
      `UPDATE group_draw_group SET status = 'failed', completed_at = now(), updated_at = now()
        WHERE id = ? AND status = 'open' AND expires_at <= ? AND deleted_at IS NULL RETURNING id`,
      [group_id, as_of]
    )
    if (!rows.length) return false
    await knex.raw(
      `UPDATE group_draw_member SET status = 'lost', updated_at = now()
        WHERE group_id = ? AND status = 'paid' AND deleted_at IS NULL`,
      [group_id]
    )
    return true
  }

  /**
   * Losers whose refund went through (their order among `order_ids`) become `refunded`;
   * a conditional update, so the settlement and the refund event can both run it.
   */
  @InjectTransactionManager()
  async markMembersRefunded(group_id: string, order_ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<number> {
    if (!order_ids.length) return 0
    const { rows } = await knexOf(sharedContext).raw(
      `UPDATE group_draw_member SET status = 'refunded', updated_at = now()
        WHERE group_id = ? AND order_id = ANY(?) AND status = 'lost' AND deleted_at IS NULL RETURNING id`,
      [group_id, order_ids]
    )
    return rows.length
  }

  /**
   * Opens an empty group with its own rules. The daily limit (SPEC §4.1) is decided in the
   * database: a per-customer-and-campaign advisory lock serializes concurrent opens, so the
   * count and the insert of one request see every earlier request's group.
   */
  @InjectTransactionManager()
  async openGroup(
    input: {
      campaign_id: string
      customer_id: string
      size: number
      winners: number
      duration_hours: number
      visibility: "open" | "private"
      shopper_defined: boolean
      daily_limit?: number | null
      day_start: Date
    },
    @MedusaContext() sharedContext: Context = {}
  ) {
    if (input.daily_limit) {
      await knexOf(sharedContext).raw(`SELECT pg_advisory_xact_lock(hashtext(?))`, [
        `group_draw:daily:${input.campaign_id}:${input.customer_id}`,
      ])
      const n = await this.countCustomerGroupsSince(input.customer_id, input.campaign_id, input.day_start, sharedContext)
      if (n >= input.daily_limit) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `max_groups_per_customer_per_day reached (${input.daily_limit})`)
      }
    }
    return await this.createGroupDrawGroups(
      {
        campaign_id: input.campaign_id,
        size: input.size,
        winners: input.winners,
        duration_hours: input.duration_hours,
        visibility: input.visibility,
        shopper_defined: input.shopper_defined,
        opened_by: input.customer_id,
        expires_at: new Date(Date.now() + input.duration_hours * 3_600_000),
      },
      sharedContext
    )
  }

  /** Groups a customer joined or opened in a campaign since `since` (daily limit, SPEC §4.1). */
  @InjectManager()
  async countCustomerGroupsSince(
    customer_id: string,
    campaign_id: string,
    since: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    const { rows } = await knexOf(sharedContext).raw(
      `SELECT count(DISTINCT g.id)::int AS n FROM group_draw_group g
        WHERE g.campaign_id = ? AND g.deleted_at IS NULL AND (
              (g.opened_by = ? AND g.created_at >= ?)
              OR EXISTS (SELECT 1 FROM group_draw_member m
                          WHERE m.group_id = g.id AND m.customer_id = ? AND m.created_at >= ? AND m.deleted_at IS NULL))`,
      [campaign_id, customer_id, since, customer_id, since]
    )
    return Number(rows[0]?.n ?? 0)
  }

  /**
   * Groups per UTC day between `from` and `to` (inclusive days): opened (created), completed
   * and failed (by their completion day). One set-based query over the group table; days
   * without groups are returned with zeros.
   */
  @InjectManager()
  async groupStatsByDay(
    input: { from: Date; to: Date; campaign_id?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ day: string; opened: number; completed: number; failed: number }[]> {
    const { rows } = await knexOf(sharedContext).raw(
      `WITH days AS (
         SELECT d::date AS day FROM generate_series((?::timestamptz AT TIME ZONE 'UTC')::date,
                                                    (?::timestamptz AT TIME ZONE 'UTC')::date, interval '1 day') d
       ), g AS (
         SELECT created_at, completed_at, status FROM group_draw_group
          WHERE deleted_at IS NULL AND (?::text IS NULL OR campaign_id = ?)
            AND (created_at >= ?::timestamptz OR completed_at >= ?::timestamptz)
       ), opened AS (
         SELECT (created_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS n FROM g GROUP BY 1
       ), ended AS (
         SELECT (completed_at AT TIME ZONE 'UTC')::date AS day,
                count(*) FILTER (WHERE status = 'completed')::int AS completed,
                count(*) FILTER (WHERE status = 'failed')::int AS failed
           FROM g WHERE completed_at IS NOT NULL GROUP BY 1
       )
       SELECT to_char(days.day, 'YYYY-MM-DD') AS day, COALESCE(opened.n, 0) AS opened,
              COALESCE(ended.completed, 0) AS completed, COALESCE(ended.failed, 0) AS failed
         FROM days LEFT JOIN opened ON opened.day = days.day LEFT JOIN ended ON ended.day = days.day
        ORDER BY days.day`,
      [input.from, input.to, input.campaign_id ?? null, input.campaign_id ?? null, input.from, input.from]
    )
    return rows.map((r: any) => ({ day: r.day, opened: Number(r.opened), completed: Number(r.completed), failed: Number(r.failed) }))
  }
}
