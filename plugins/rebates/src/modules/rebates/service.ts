import { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { SEED_LEVELS } from "../../utils/levels"
import * as models from "./models"
import { knexOf, rows } from "./sql"

const SETTINGS_ID = "rbset_store"

/**
 * Ids of rows inserted in bulk: one Medusa id per statement, then the row's number — unique and
 * increasing like single inserts' ULIDs, so the primary-key index fills at its right-hand end.
 */
const orderedIdHead = (prefix: string) => `${generateEntityId(undefined, prefix)}_`

export type RebateOrderRow = {
  id: string
  order_id: string
  customer_id: string | null
  month: string
  currency_code: string
  paid_amount: string
  reversed_amount: string
}

/** A customer's month as the set-based evaluation reads it: now, and as last recorded. */
export type MonthLedgerRow = {
  customer_id: string
  consumption: string
  net: number
  rows: number
  month_id: string | null
  recorded_consumption: string | null
  recorded_level_id: string | null
  recorded_points: number | null
  recorded_team: number[] | null
}

/**
 * Rebates data: settings, activity levels, each paid order's contribution to its
 * month, customer months with their award postings, team awards, month-close runs
 * and tiered payouts. Dividend points and payouts themselves are balances in the
 * @fission/core ledger; this module never reads the ledger's tables.
 */
export default class RebatesModuleService extends MedusaService({ ...models }) {
  /** The settings row, created with the defaults — and the SPEC §3.1 seed levels — on first read. */
  @InjectManager()
  async retrieveSettings(@MedusaContext() sharedContext: Context = {}) {
    const [existing] = await this.listRebateSettings({ id: SETTINGS_ID }, {}, sharedContext)
    if (existing) return existing
    return this.createDefaults_(sharedContext)
  }

  @InjectTransactionManager()
  protected async createDefaults_(@MedusaContext() sharedContext: Context = {}) {
    const trx = knexOf(sharedContext)
    const inserted = await rows(
      trx,
      `INSERT INTO rebate_setting (id, tiered_tiers) VALUES (?, ?::jsonb) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [SETTINGS_ID, JSON.stringify([])]
    )
    if (inserted.length) {
      const [{ n }] = await rows(trx, `SELECT COUNT(*)::int AS n FROM rebate_level WHERE deleted_at IS NULL`)
      if (n === 0) {
        for (const level of SEED_LEVELS) {
          await trx.raw(
            `INSERT INTO rebate_level (id, position, name, min_consumption, raw_min_consumption, team_structure, dividend_points)
             VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)`,
            [
              generateEntityId(undefined, "rblvl"),
              level.position,
              level.name,
              String(level.min_consumption),
              JSON.stringify({ value: String(level.min_consumption), precision: 20 }),
              level.team_structure ? JSON.stringify(level.team_structure) : null,
              level.dividend_points,
            ]
          )
        }
      }
    }
    const [row] = await this.listRebateSettings({ id: SETTINGS_ID }, {}, sharedContext)
    return row
  }

  /**
   * Records a paid order's merchandise for its month once (the unique order id
   * decides between redeliveries); returns the row as stored (the first month wins).
   */
  @InjectTransactionManager()
  async recordPaidOrder(
    input: { order_id: string; customer_id: string | null; month: string; currency_code: string; paid_amount: string; paid_at: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RebateOrderRow> {
    const trx = knexOf(sharedContext)
    await trx.raw(
      `INSERT INTO rebate_order (id, order_id, customer_id, month, currency_code, paid_amount, raw_paid_amount, paid_at)
       VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)
       ON CONFLICT (order_id) WHERE deleted_at IS NULL DO NOTHING`,
      [
        generateEntityId(undefined, "rbord"),
        input.order_id,
        input.customer_id,
        input.month,
        input.currency_code,
        input.paid_amount,
        JSON.stringify({ value: input.paid_amount, precision: 20 }),
        input.paid_at,
      ]
    )
    const [row] = await rows<RebateOrderRow>(
      trx,
      `SELECT id, order_id, customer_id, month, currency_code, paid_amount::text, reversed_amount::text
         FROM rebate_order WHERE order_id = ? AND deleted_at IS NULL`,
      [input.order_id]
    )
    return row
  }

  /** Raises an order's reversed total to `reversed` (cumulative: it never goes down); returns the row. */
  @InjectTransactionManager()
  async raiseOrderReversed(
    input: { order_id: string; reversed: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RebateOrderRow | null> {
    const [row] = await rows<RebateOrderRow>(
      knexOf(sharedContext),
      `UPDATE rebate_order
          SET reversed_amount = LEAST(paid_amount, GREATEST(reversed_amount, CAST(? AS numeric))),
              raw_reversed_amount = jsonb_build_object('value', LEAST(paid_amount, GREATEST(reversed_amount, CAST(? AS numeric)))::text, 'precision', 20),
              updated_at = now()
        WHERE order_id = ? AND deleted_at IS NULL
        RETURNING id, order_id, customer_id, month, currency_code, paid_amount::text, reversed_amount::text`,
      [input.reversed, input.reversed, input.order_id]
    )
    return row ?? null
  }

  /** A customer's paid consumption of a month, net of what was reversed (decimal text). */
  @InjectManager()
  async monthConsumption(
    customer_id: string,
    month: string,
    currency_code: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string> {
    const [{ total }] = await rows(
      knexOf(sharedContext),
      `SELECT COALESCE(SUM(paid_amount - reversed_amount), 0)::text AS total
         FROM rebate_order WHERE customer_id = ? AND month = ? AND currency_code = ? AND deleted_at IS NULL`,
      [customer_id, month, currency_code]
    )
    return total
  }

  /** The month's paid GMV in `currency_code` (every paid order's merchandise net of reversals, guests included). */
  @InjectManager()
  async monthGmv(month: string, currency_code: string, @MedusaContext() sharedContext: Context = {}): Promise<string> {
    const [{ total }] = await rows(
      knexOf(sharedContext),
      `SELECT COALESCE(SUM(paid_amount - reversed_amount), 0)::text AS total
         FROM rebate_order WHERE month = ? AND currency_code = ? AND deleted_at IS NULL`,
      [month, currency_code]
    )
    return total
  }

  /** Every registered customer's net spend of a month (the tiered rebate's base), keyset by customer id. */
  @InjectManager()
  async monthSpends(
    q: { month: string; currency_code: string; after?: string | null; limit: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customer_id: string; spend: string }[]> {
    return rows(
      knexOf(sharedContext),
      `SELECT customer_id, SUM(paid_amount - reversed_amount)::text AS spend
         FROM rebate_order
        WHERE month = ? AND currency_code = ? AND customer_id IS NOT NULL AND customer_id > ? AND deleted_at IS NULL
        GROUP BY customer_id HAVING SUM(paid_amount - reversed_amount) > 0
        ORDER BY customer_id LIMIT ?`,
      [q.month, q.currency_code, q.after ?? "", q.limit]
    )
  }

  /**
   * Every customer of a month at once (the set-based evaluation): consumption net of
   * reversals, the award rows so far (net points, row count) — a full join, so a
   * customer whose consumption went to nothing but who holds awards is included — and
   * the month as last recorded (so an evaluation rewrites only the months that changed).
   * In customer order: the bulk writes then fill their indexes in order.
   */
  @InjectManager()
  async monthLedgerOfCustomers(
    month: string,
    currency_code: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<MonthLedgerRow[]> {
    return rows(
      knexOf(sharedContext),
      `WITH c AS (
         SELECT customer_id, SUM(paid_amount - reversed_amount) AS consumption FROM rebate_order
          WHERE month = ? AND currency_code = ? AND customer_id IS NOT NULL AND deleted_at IS NULL GROUP BY customer_id
       ), a AS (
         SELECT customer_id, SUM(amount - reversed)::int AS net, COUNT(*)::int AS n FROM rebate_award
          WHERE month = ? AND deleted_at IS NULL GROUP BY customer_id
       ), ca AS (
         SELECT COALESCE(c.customer_id, a.customer_id) AS customer_id, COALESCE(c.consumption, 0) AS consumption,
                COALESCE(a.net, 0) AS net, COALESCE(a.n, 0) AS rows
           FROM c FULL JOIN a ON a.customer_id = c.customer_id
       )
       SELECT ca.customer_id, ca.consumption::text AS consumption, ca.net, ca.rows,
              m.id AS month_id, m.consumption::text AS recorded_consumption, m.level_id AS recorded_level_id,
              m.awarded_points AS recorded_points, m.team_active AS recorded_team
         FROM ca LEFT JOIN rebate_month m ON m.customer_id = ca.customer_id AND m.month = ? AND m.deleted_at IS NULL
        ORDER BY ca.customer_id`,
      [month, currency_code, month, month]
    )
  }

  /** Upserts customer months in bulk (in the order given); returns each month row's id by customer. */
  @InjectTransactionManager()
  async upsertMonths(
    month: string,
    items: { customer_id: string; consumption: string; level_id: string | null; level_position: number | null; awarded_points: number; team_active: number[] }[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Map<string, string>> {
    const ids = new Map<string, string>()
    if (!items.length) return ids
    const found = await rows<{ id: string; customer_id: string }>(
      knexOf(sharedContext),
      `INSERT INTO rebate_month (id, customer_id, month, consumption, raw_consumption, level_id, level_position, awarded_points, team_active, evaluated_at)
       SELECT ? || lpad(x.n::text, 9, '0'), x.customer_id, ?, x.consumption::numeric,
              jsonb_build_object('value', x.consumption, 'precision', 20), x.level_id, x.level_position, x.awarded_points, x.team_active, now()
         FROM ROWS FROM (jsonb_to_recordset(?::jsonb)
              AS (customer_id text, consumption text, level_id text, level_position int, awarded_points int, team_active jsonb))
              WITH ORDINALITY AS x(customer_id, consumption, level_id, level_position, awarded_points, team_active, n)
       ON CONFLICT (customer_id, month) WHERE deleted_at IS NULL DO UPDATE
          SET consumption = EXCLUDED.consumption, raw_consumption = EXCLUDED.raw_consumption, level_id = EXCLUDED.level_id,
              level_position = EXCLUDED.level_position, awarded_points = EXCLUDED.awarded_points,
              team_active = EXCLUDED.team_active, evaluated_at = now(), updated_at = now()
       RETURNING id, customer_id`,
      [orderedIdHead("rbmon"), month, JSON.stringify(items)]
    )
    for (const r of found) ids.set(r.customer_id, r.id)
    return ids
  }

  /**
   * Inserts top-up award rows in bulk; a row whose (customer, month, seq) a concurrent
   * per-customer evaluation took already is skipped (that evaluation posts its own).
   * Returns the rows inserted.
   */
  @InjectTransactionManager()
  async insertAwardRows(
    items: { customer_id: string; month: string; seq: number; level_position: number; amount: number; posting_key: string }[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customer_id: string; amount: number; posting_key: string }[]> {
    if (!items.length) return []
    return rows(
      knexOf(sharedContext),
      `INSERT INTO rebate_award (id, customer_id, month, seq, level_position, amount, posting_key)
       SELECT ? || lpad(x.n::text, 9, '0'), x.customer_id, x.month, x.seq, x.level_position, x.amount, x.posting_key
         FROM ROWS FROM (jsonb_to_recordset(?::jsonb)
              AS (customer_id text, month text, seq int, level_position int, amount int, posting_key text))
              WITH ORDINALITY AS x(customer_id, month, seq, level_position, amount, posting_key, n)
       ON CONFLICT DO NOTHING
       RETURNING customer_id, amount, posting_key`,
      [orderedIdHead("rbawd"), JSON.stringify(items)]
    )
  }

  /** Customers among `ids` with a frozen team award (to release after a bulk evaluation). */
  @InjectManager()
  async withFrozenAwards(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    if (!ids.length) return []
    const found = await rows<{ customer_id: string }>(
      knexOf(sharedContext),
      `SELECT DISTINCT customer_id FROM rebate_team_award WHERE status = 'frozen' AND customer_id = ANY(?) AND deleted_at IS NULL`,
      [ids]
    )
    return found.map((r) => r.customer_id)
  }

  /** Customers whose orders changed (paid or reversed) since `since`, with the month of each change. */
  @InjectManager()
  async changedSince(
    since: Date,
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customer_id: string; month: string }[]> {
    return rows(
      knexOf(sharedContext),
      `SELECT DISTINCT customer_id, month FROM rebate_order
        WHERE updated_at >= ? AND customer_id IS NOT NULL AND deleted_at IS NULL
        ORDER BY month, customer_id LIMIT ?`,
      [since, limit]
    )
  }

  /**
   * Claims the month-close run of `month`: creates it, or takes over one that is
   * not completed (a crashed or failed run; the ledger postings are idempotent per
   * run). Returns null when the month is completed already. The unique month index
   * decides between concurrent closes.
   */
  @InjectTransactionManager()
  async claimPoolRun(
    input: {
      month: string
      currency_code: string
      pool_mode: string
      threshold: number
      payout_destination: string
      points_after_close: string
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ run: any; replayed: boolean }> {
    const trx = knexOf(sharedContext)
    await trx.raw(
      `INSERT INTO rebate_pool_run (id, month, status, currency_code, pool_mode, threshold, payout_destination, points_after_close)
       VALUES (?, ?, 'running', ?, ?, ?, ?, ?) ON CONFLICT (month) WHERE deleted_at IS NULL DO NOTHING`,
      [
        generateEntityId(undefined, "rbrun"),
        input.month,
        input.currency_code,
        input.pool_mode,
        input.threshold,
        input.payout_destination,
        input.points_after_close,
      ]
    )
    const [run] = await rows(trx, `SELECT * FROM rebate_pool_run WHERE month = ? AND deleted_at IS NULL FOR UPDATE`, [input.month])
    if (run.status === "completed") return { run, replayed: true }
    // a new run, or one that crashed or failed: it keeps the settings it was first claimed with, so a
    // retry cannot pay the same month again another way
    const [claimed] = await rows(
      trx,
      `UPDATE rebate_pool_run SET status = 'running', error = NULL, updated_at = now() WHERE id = ? RETURNING *`,
      [run.id]
    )
    return { run: claimed, replayed: false }
  }
}
