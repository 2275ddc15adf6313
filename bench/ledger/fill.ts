import { Knex } from "@medusajs/framework/mikro-orm/knex"
import { accountKey, platform } from "../../plugins/core/src/utils/ledger"
import { nowMs } from "./stats"

export const FILL_CUSTOMER_PREFIX = "bench_f_"
const CHUNK = 100_000

const fillAccountId = (sqlInt: string) => `'lacc_00bench' || lpad((${sqlInt})::text, 10, '0')`

/**
 * Tops the ledger up to `target` postings with set-based SQL, bypassing the
 * service (1M postings through it would take the whole time budget). Rows match
 * what the service writes for a points earn `platform:points_issued → customer`:
 * customer main points accounts (tracks_lots, no negative), posted lots, and the
 * customer counters set to the sum of their postings, so `reconcile()` stays clean.
 * Ids sort before real ULID ids, as if the fill were older history. With `expiresAt`
 * every lot expires then (the expiry benchmark), otherwise never. Each chunk is one
 * INSERT statement, so the ledger's platform-total triggers add its sum to
 * `platform:points_issued` like for any bulk posting (Migration20261203180000).
 */
export async function fillTo(
  knex: Knex,
  target: number,
  accounts: number,
  log: (m: string) => void,
  {
    expiresAt = null,
    blocks = false,
    postedOver = null,
  }: {
    expiresAt?: Date | null
    /**
     * Posted times spread evenly over [from, to), rising with the posting's number (so the
     * posted-time index still fills at its right-hand end), instead of all "now" (the
     * movements bench: a ledger with history, whose last 30 days are a third of it).
     */
    postedOver?: { from: Date; to: Date } | null
    /**
     * Each account's postings consecutive (posting g to account ⌈g / per account⌉) instead of
     * round-robin: the credit-account indexes then fill at their right-hand end, which makes a
     * 10,000,000-row fill several times faster on 128 MB of shared buffers (platform-totals bench).
     */
    blocks?: boolean
  } = {}
) {
  const [{ count }] = (await knex.raw(`SELECT COUNT(*)::int AS count FROM ledger_posting`)).rows
  const missing = Math.max(0, target - count)
  const accountCount = Math.max(1, Math.min(accounts, Math.ceil(missing / 10)))
  const started = nowMs()
  if (!missing) return { existing: count, inserted: 0, accounts: 0, seconds: 0 }

  const platformKey = accountKey(platform("points_issued"), "points", null)
  const [issued] = (await knex.raw(`SELECT id FROM ledger_account WHERE key = ? AND deleted_at IS NULL`, [platformKey])).rows
  if (!issued) throw new Error(`platform account ${platformKey} missing: post one earn through the service first`)

  await knex.raw(
    `INSERT INTO ledger_account (id, key, owner_type, owner_id, purpose, asset, currency_code, allow_negative, tracks_lots)
     SELECT ${fillAccountId("g")}, 'customer:${FILL_CUSTOMER_PREFIX}' || g || ':points:-:main', 'customer',
            '${FILL_CUSTOMER_PREFIX}' || g, 'main', 'points', NULL, false, true
       FROM generate_series(1, ?::int) g`,
    [accountCount]
  )
  for (let from = 1; from <= missing; from += CHUNK) {
    const to = Math.min(missing, from + CHUNK - 1)
    await knex.raw(
      `INSERT INTO ledger_posting (id, idempotency_key, asset, currency_code, amount, raw_amount, debit_account_id,
         credit_account_id, status, reason, source_type, source_id, is_lot, expires_at, posted_at)
       SELECT 'lpst_00bench' || lpad(g::text, 12, '0'), 'bench:fill:' || g, 'points', NULL,
              (g % 50) + 1, jsonb_build_object('value', ((g % 50) + 1)::text, 'precision', 20),
              ?, ${fillAccountId(blocks ? `(g - 1) / ${Math.ceil(missing / accountCount)} + 1` : `g % ${accountCount} + 1`)}, 'posted', 'bench.fill', 'bench', 'fill:' || g, true, ?::timestamptz,
              ${postedOver ? `?::timestamptz + (g - 1) * (?::float8 * interval '1 millisecond')` : "now()"}
         FROM generate_series(?::int, ?::int) g`,
      [issued.id, expiresAt, ...(postedOver ? [postedOver.from, (postedOver.to.getTime() - postedOver.from.getTime()) / missing] : []), from, to]
    )
    log(`  filled ${to.toLocaleString("en")} / ${missing.toLocaleString("en")} postings`)
  }
  await knex.raw(
    `UPDATE ledger_account a
        SET posted = s.total, raw_posted = jsonb_build_object('value', s.total::text, 'precision', 20), updated_at = now()
       FROM (SELECT credit_account_id AS id, SUM(amount) AS total FROM ledger_posting
              WHERE reason = 'bench.fill' AND deleted_at IS NULL GROUP BY credit_account_id) s
      WHERE a.id = s.id`
  )
  return { existing: count, inserted: missing, accounts: accountCount, seconds: (nowMs() - started) / 1000 }
}
