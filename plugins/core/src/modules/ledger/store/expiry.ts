import { generateEntityId } from "@medusajs/framework/utils"
import { accountKey, platform } from "../../../utils/ledger"
import { ensureAccounts, lockAccounts } from "./accounts"
import { rawNumber, rows, Trx } from "./sql"

/**
 * Expires the due lots of up to `batchSize` accounts, set-based: one statement
 * finds the accounts, their rows are locked, then one insert each for the
 * `expired` postings and their allocations, and one update for the counters.
 * Idempotent: an expired lot has nothing remaining, so a rerun finds nothing;
 * keys are `expiry:<lot>:<n>` with n counting earlier expiries of that lot (a
 * lot can be refilled by a refund after it expired). Every lookup names
 * `deleted_at IS NULL`: the indexes are partial, and without it the earlier-expiry
 * count scans all postings once per lot (20,000 lots: 42 s, see bench/README.md).
 * Batches walk the accounts in id order from `after` (keyset), so a batch never
 * re-reads the lots earlier batches of the run already emptied.
 */
export async function expireLotsBatch(
  trx: Trx,
  asOf: Date,
  batchSize: number,
  after: string | null
): Promise<{ expired: number; last_account_id: string | null }> {
  const remaining = `p.amount - COALESCE((SELECT SUM(a.amount) FROM ledger_lot_allocation a
                                           WHERE a.lot_posting_id = p.id AND a.deleted_at IS NULL), 0)`
  const due = `p.is_lot AND p.status = 'posted' AND p.expires_at <= :asOf AND p.deleted_at IS NULL`
  const accounts = await rows<{ account_id: string }>(
    trx,
    `SELECT DISTINCT p.credit_account_id AS account_id FROM ledger_posting p
      WHERE ${due} AND p.credit_account_id > :after AND ${remaining} > 0 ORDER BY 1 LIMIT :limit`,
    { asOf, limit: batchSize, after: after ?? "" } as any
  )
  if (!accounts.length) return { expired: 0, last_account_id: null }
  const ids = accounts.map((a) => a.account_id)
  const last_account_id = ids[ids.length - 1]
  // Same lock as every spend, taken before remaining amounts are read again.
  await lockAccounts(trx, ids)
  const lots = await rows<{
    id: string
    account_id: string
    asset: string
    currency_code: string | null
    remaining: string
    n: number
  }>(
    trx,
    `SELECT p.id, p.credit_account_id AS account_id, p.asset, p.currency_code, (${remaining})::text AS remaining,
            (SELECT COUNT(*) FROM ledger_posting e
              WHERE e.source_type = 'ledger.lot' AND e.source_id = p.id AND e.reason = 'expired'
                AND e.deleted_at IS NULL)::int AS n
       FROM ledger_posting p
      WHERE p.credit_account_id = ANY(:ids) AND ${due} AND ${remaining} > 0`,
    { ids, asOf } as any
  )
  // Spent in the meantime (the accounts were not locked yet): move on.
  if (!lots.length) return { expired: 0, last_account_id }

  const sinks = await ensureAccounts(
    trx,
    [...new Map(lots.map((l) => [`${l.asset}:${l.currency_code}`, l])).values()].map((l) => ({
      ref: platform("expired"),
      asset: l.asset as any,
      currency_code: l.currency_code,
    }))
  )
  const postings = lots.map((lot) => ({
    id: generateEntityId(undefined, "lpst"),
    lot,
    sink: sinks.get(accountKey(platform("expired"), lot.asset, lot.currency_code))!.id,
  }))
  await trx.raw(
    `INSERT INTO ledger_posting (id, idempotency_key, asset, currency_code, amount, raw_amount, debit_account_id,
       credit_account_id, status, reason, source_type, source_id, posted_at)
     SELECT x.id, x.key, x.asset, x.currency_code, x.amount::numeric, x.raw::jsonb, x.debit, x.credit,
            'posted', 'expired', 'ledger.lot', x.lot, now()
       FROM jsonb_to_recordset(?::jsonb) AS x(id text, key text, asset text, currency_code text, amount text,
            raw text, debit text, credit text, lot text)
     ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING`,
    [
      JSON.stringify(
        postings.map(({ id, lot, sink }) => ({
          id,
          key: `expiry:${lot.id}:${lot.n}`,
          asset: lot.asset,
          currency_code: lot.currency_code,
          amount: lot.remaining,
          raw: rawNumber(lot.remaining),
          debit: lot.account_id,
          credit: sink,
          lot: lot.id,
        }))
      ),
    ]
  )
  await trx.raw(
    `INSERT INTO ledger_lot_allocation (id, posting_id, lot_posting_id, account_id, amount, raw_amount)
     SELECT x.id, x.posting_id, x.lot, x.account_id, x.amount::numeric, x.raw::jsonb
       FROM jsonb_to_recordset(?::jsonb) AS x(id text, posting_id text, lot text, account_id text, amount text, raw text)`,
    [
      JSON.stringify(
        postings.map(({ id, lot }) => ({
          id: generateEntityId(undefined, "lalc"),
          posting_id: id,
          lot: lot.id,
          account_id: lot.account_id,
          amount: lot.remaining,
          raw: rawNumber(lot.remaining),
        }))
      ),
    ]
  )
  await trx.raw(
    `UPDATE ledger_account a
        SET posted = a.posted - s.total,
            raw_posted = jsonb_build_object('value', (a.posted - s.total)::text, 'precision', 20),
            updated_at = now()
       FROM (SELECT x.account_id, SUM(x.amount::numeric) AS total
               FROM jsonb_to_recordset(?::jsonb) AS x(account_id text, amount text) GROUP BY x.account_id) s
      WHERE a.id = s.account_id`,
    [JSON.stringify(lots.map((l) => ({ account_id: l.account_id, amount: l.remaining })))]
  )
  return { expired: lots.length, last_account_id }
}
