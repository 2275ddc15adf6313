import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { fromMinor, toMinor } from "@fission/core/utils"

/**
 * How opens are decided in Postgres (SPEC §7.2, "sequential and atomic"):
 *
 * 1. reserve — one conditional update on the campaign row takes a place among the opens
 *    still possible: `opens_count + opens_reserved < prize_position`. The prize position is
 *    known (sealed) from the start, so no one is ever charged for an open after the win:
 *    the places run out exactly at the committed position. The daily spend limit is raised
 *    in the same transaction (conditional upsert), so both hold under any interleaving.
 * 2. pay — core's wallet payment (outside this transaction; the reservation keeps the place).
 * 3. number — one conditional update turns the reservation into the next number
 *    (`opens_count + 1`) and, at the prize position, marks the campaign won in the same
 *    statement. Every reservation is within the possible opens, so the numbers are
 *    1, 2, … without gaps and exactly one open gets the prize position.
 *    A failed payment releases its reservation instead (nothing was charged).
 *
 * The row lock of the campaign row serialises steps 1 and 3 only for the few milliseconds
 * of the update; the wallet payments of different customers run in parallel.
 */

export type Trx = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: any[] }> }

const notAllowed = (message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message)

/**
 * Adds `amount_minor` to the customer's spend of `day` unless it would pass `limit_minor`
 * (null = no limit). Returns false when the limit refuses it.
 */
export async function addDailySpend(trx: Trx, customer_id: string, day: string, amount_minor: bigint, limit_minor: bigint | null) {
  if (limit_minor !== null && amount_minor > limit_minor) return false
  const { rows } = await trx.raw(
    `INSERT INTO blind_box_daily_spend (id, customer_id, day, spent_minor, raw_spent_minor, created_at, updated_at)
     VALUES (?, ?, ?, ?::numeric, jsonb_build_object('value', ?::text, 'precision', 20), now(), now())
     ON CONFLICT (customer_id, day) WHERE deleted_at IS NULL DO UPDATE
        SET spent_minor = blind_box_daily_spend.spent_minor + EXCLUDED.spent_minor,
            raw_spent_minor = jsonb_build_object('value', (blind_box_daily_spend.spent_minor + EXCLUDED.spent_minor)::text, 'precision', 20),
            updated_at = now()
      WHERE ?::numeric IS NULL OR blind_box_daily_spend.spent_minor + EXCLUDED.spent_minor <= ?::numeric
     RETURNING spent_minor`,
    [generateEntityId(undefined, "bbds"), customer_id, day, amount_minor.toString(), amount_minor.toString(),
     limit_minor?.toString() ?? null, limit_minor?.toString() ?? null]
  )
  return rows.length === 1
}

/** Gives back a spend whose payment failed. */
export async function subtractDailySpend(trx: Trx, customer_id: string, day: string, amount_minor: bigint) {
  await trx.raw(
    `UPDATE blind_box_daily_spend
        SET spent_minor = GREATEST(spent_minor - ?::numeric, 0),
            raw_spent_minor = jsonb_build_object('value', GREATEST(spent_minor - ?::numeric, 0)::text, 'precision', 20),
            updated_at = now()
      WHERE customer_id = ? AND day = ? AND deleted_at IS NULL`,
    [amount_minor.toString(), amount_minor.toString(), customer_id, day]
  )
}

export async function openByKey(trx: Trx, campaign_id: string, customer_id: string, key: string) {
  const { rows } = await trx.raw(
    `SELECT * FROM blind_box_open WHERE campaign_id = ? AND customer_id = ? AND idempotency_key = ? AND deleted_at IS NULL`,
    [campaign_id, customer_id, key]
  )
  return rows[0] ?? null
}

/** Why no place was left: the message a shopper gets (nothing was charged). */
async function refusal(trx: Trx, campaign_id: string): Promise<MedusaError> {
  const { rows } = await trx.raw(`SELECT status, opens_count FROM blind_box_campaign WHERE id = ? AND deleted_at IS NULL`, [campaign_id])
  const c = rows[0]
  if (!c) return new MedusaError(MedusaError.Types.NOT_FOUND, `Blind box with id: ${campaign_id} was not found`)
  if (c.status === "won") return notAllowed(`blind box ${campaign_id} was won at open ${c.opens_count}; nothing opens after the win`)
  if (c.status !== "open") return notAllowed(`blind box ${campaign_id} is ${c.status}, not open`)
  return notAllowed(`every open left in blind box ${campaign_id} is being paid for by someone else; nothing was charged, try again in a moment`)
}

export type ReserveOpenInput = {
  campaign_id: string
  customer_id: string
  idempotency_key?: string | null
  day: string
  daily_limit_minor: bigint | null
}

/** Step 1: a place among the possible opens (or the open this key already made). */
export async function reserveOpen(trx: Trx, input: ReserveOpenInput): Promise<{ open: any; replayed: boolean }> {
  if (input.idempotency_key) {
    const existing = await openByKey(trx, input.campaign_id, input.customer_id, input.idempotency_key)
    if (existing?.status === "released") {
      throw notAllowed(`the open with idempotency_key ${input.idempotency_key} was not paid (${existing.failure_reason ?? "released"}); nothing was charged, use a new key`)
    }
    if (existing) return { open: existing, replayed: true }
  }
  const { rows } = await trx.raw(
    `UPDATE blind_box_campaign SET opens_reserved = opens_reserved + 1, updated_at = now()
      WHERE id = ? AND status = 'open' AND deleted_at IS NULL AND opens_count + opens_reserved < prize_position
      RETURNING id, open_price`,
    [input.campaign_id]
  )
  if (!rows.length) throw await refusal(trx, input.campaign_id)
  const price = rows[0].open_price
  const priceMinor = toMinor(price)
  if (!(await addDailySpend(trx, input.customer_id, input.day, priceMinor, input.daily_limit_minor))) {
    // throwing rolls the reservation back
    throw notAllowed(
      `the daily blind-box spend limit of ${fromMinor(input.daily_limit_minor!)} would be exceeded by this open of ${price}; nothing was charged`
    )
  }
  const inserted = await trx.raw(
    `INSERT INTO blind_box_open (id, campaign_id, customer_id, idempotency_key, status, amount, raw_amount, spend_day, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'reserved', ?::numeric, jsonb_build_object('value', ?::text, 'precision', 20), ?, now(), now())
     RETURNING *`,
    [generateEntityId(undefined, "bbo"), input.campaign_id, input.customer_id, input.idempotency_key ?? null, String(price), String(price), input.day]
  )
  return { open: inserted.rows[0], replayed: false }
}

/** A reservation whose payment failed: the place and the day's spend go back. Idempotent. */
export async function releaseOpen(trx: Trx, open_id: string, reason: string): Promise<boolean> {
  const { rows } = await trx.raw(
    `UPDATE blind_box_open SET status = 'released', failure_reason = ?, updated_at = now()
      WHERE id = ? AND status = 'reserved' RETURNING *`,
    [reason.slice(0, 500), open_id]
  )
  const open = rows[0]
  if (!open) return false
  await trx.raw(
    `UPDATE blind_box_campaign SET opens_reserved = opens_reserved - 1, updated_at = now() WHERE id = ?`,
    [open.campaign_id]
  )
  await subtractDailySpend(trx, open.customer_id, open.spend_day, toMinor(open.amount))
  return true
}

/**
 * Step 3: the paid reservation becomes the campaign's next open. At the prize position the
 * same statement marks the campaign won (winner, winning open). Idempotent: an open
 * numbered already is returned as it is.
 */
export async function numberOpen(trx: Trx, open_id: string, wallet_payment_id: string): Promise<{ open: any; won: boolean }> {
  const locked = await trx.raw(`SELECT * FROM blind_box_open WHERE id = ? FOR UPDATE`, [open_id])
  const open = locked.rows[0]
  if (!open) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Blind-box open ${open_id} was not found`)
  if (open.status !== "reserved") {
    if (open.status === "released") throw notAllowed(`open ${open_id} was released: ${open.failure_reason ?? "its payment failed"}`)
    return { open, won: open.status === "won" }
  }
  const { rows } = await trx.raw(
    `UPDATE blind_box_campaign
        SET opens_count = opens_count + 1,
            opens_reserved = opens_reserved - 1,
            status = CASE WHEN opens_count + 1 = prize_position THEN 'won' ELSE status END,
            winner_id = CASE WHEN opens_count + 1 = prize_position THEN ? ELSE winner_id END,
            winning_open_id = CASE WHEN opens_count + 1 = prize_position THEN ? ELSE winning_open_id END,
            won_at = CASE WHEN opens_count + 1 = prize_position THEN now() ELSE won_at END,
            updated_at = now()
      WHERE id = ? AND status = 'open' AND opens_reserved > 0
      RETURNING opens_count, prize_position`,
    [open.customer_id, open.id, open.campaign_id]
  )
  if (!rows.length) throw notAllowed(`blind box ${open.campaign_id} has no reserved open to number`) // impossible by the reservation
  const number = Number(rows[0].opens_count)
  const won = number === Number(rows[0].prize_position)
  const updated = await trx.raw(
    `UPDATE blind_box_open SET status = ?, number = ?, wallet_payment_id = ?, updated_at = now() WHERE id = ? RETURNING *`,
    [won ? "won" : "lost", number, wallet_payment_id, open_id]
  )
  return { open: updated.rows[0], won }
}
