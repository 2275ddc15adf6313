import { accountKey, LedgerAsset, platform } from "../../../utils/ledger"
import { ensureAccounts } from "./accounts"
import { orderedIds } from "./bulk"
import { rows, Trx } from "./sql"

/** Live allocations of lot `p` (what was spent from it, returned to it, expired of it). */
const USED = `SELECT COALESCE(SUM(a.amount), 0) AS used, COUNT(*) AS allocations
                FROM ledger_lot_allocation a WHERE a.lot_posting_id = p.id AND a.deleted_at IS NULL`
const DUE = `p.is_lot AND p.status = 'posted' AND p.expires_at <= :asOf AND p.deleted_at IS NULL`

/**
 * Expires the due lots of up to `batchSize` accounts in two statements, set-based
 * like `postProRata` (store/bulk.ts): nothing per lot goes through Node.
 *
 * 1. Find and lock: the next `batchSize` accounts (id order, after `after`: keyset, so a
 *    batch never re-reads lots earlier batches of the run emptied) that have a due lot
 *    with something remaining, row-locked `ORDER BY id FOR UPDATE` — the lock every
 *    spend takes, in the order every writer takes it.
 * 2. Post (a new statement, so a new snapshot: it sees every spend that committed before
 *    the locks were granted): the due lots of the locked accounts with what remains of
 *    them (amount − live allocations) → `INSERT INTO ledger_posting … SELECT` one
 *    `expired` posting per lot (customer → `platform:expired`, key `expiry:<lot>:<n>`,
 *    `ON CONFLICT DO NOTHING`) `RETURNING` the rows inserted; from those rows one lot
 *    allocation per posting (the lot's traceability) and one counter update per account
 *    (`posted −= Σ`), in the same statement. A posting skipped by a key conflict gets no
 *    allocation and no counter change, so counters always equal postings (`reconcile()`).
 *
 * Idempotent: an expired lot has nothing remaining, so a re-run finds nothing. `n`
 * counts the lot's earlier `expired` postings (a refund can refill a lot after it
 * expired; the refill expires again under the next n). Every expiry inserts an
 * allocation of its lot, so a lot without any allocation has never expired: n = 0
 * without looking, and only lots that have allocations probe the postings' (source_type,
 * source_id) index (1,000,000 fresh lots: 1,000,000 probes saved). Every lookup names
 * `deleted_at IS NULL`: the indexes are partial (bench/README.md "Points expiry").
 */
export async function expireLotsBatch(
  trx: Trx,
  asOf: Date,
  batchSize: number,
  after: string | null
): Promise<{ expired: number; last_account_id: string | null }> {
  // `= ANY(ARRAY(…))`: the candidates are found first (an init plan), then locked through the primary
  // key; as `IN (subquery)` the planner hash-joined them against a sequential scan of every account.
  const accounts = await rows<{ id: string; asset: string; currency_code: string | null }>(
    trx,
    `SELECT acc.id, acc.asset, acc.currency_code FROM ledger_account acc
      WHERE acc.id = ANY(ARRAY(SELECT DISTINCT p.credit_account_id FROM ledger_posting p
                                WHERE ${DUE} AND p.credit_account_id > :after
                                  AND p.amount > (SELECT COALESCE(SUM(a.amount), 0) FROM ledger_lot_allocation a
                                                   WHERE a.lot_posting_id = p.id AND a.deleted_at IS NULL)
                                ORDER BY 1 LIMIT :limit))
      ORDER BY acc.id FOR UPDATE`,
    { asOf, limit: batchSize, after: after ?? "" } as any
  )
  if (!accounts.length) return { expired: 0, last_account_id: null }
  const last_account_id = accounts[accounts.length - 1].id

  // `platform:expired` of each asset/currency in the batch (a handful of rows, created on first use)
  const kinds = [...new Map(accounts.map((a) => [`${a.asset}:${a.currency_code}`, a])).values()]
  const sinks = await ensureAccounts(
    trx,
    kinds.map((a) => ({ ref: platform("expired"), asset: a.asset as LedgerAsset, currency_code: a.currency_code }))
  )
  const sink = kinds.map((a) => sinks.get(accountKey(platform("expired"), a.asset, a.currency_code))!)

  const [{ expired }] = await rows<{ expired: number }>(
    trx,
    `WITH lots AS MATERIALIZED (
       SELECT p.id, p.credit_account_id AS account_id, p.asset, p.currency_code, p.amount - u.used AS remaining,
              CASE WHEN u.allocations = 0 THEN 0
                   ELSE (SELECT COUNT(*) FROM ledger_posting e
                          WHERE e.source_type = 'ledger.lot' AND e.source_id = p.id AND e.reason = 'expired'
                            AND e.deleted_at IS NULL) END AS n
         FROM ledger_posting p CROSS JOIN LATERAL (${USED}) u
        WHERE p.credit_account_id = ANY(:ids) AND ${DUE} AND p.amount - u.used > 0
     ), ins AS (
       INSERT INTO ledger_posting (id, idempotency_key, asset, currency_code, amount, raw_amount, debit_account_id,
         credit_account_id, status, reason, source_type, source_id, posted_at)
       SELECT ${orderedIds("lpst")}, 'expiry:' || l.id || ':' || l.n, l.asset, l.currency_code, l.remaining,
              jsonb_build_object('value', l.remaining::text, 'precision', 20), l.account_id, l.sink_id,
              'posted', 'expired', 'ledger.lot', l.id, now()
         FROM (SELECT lots.*, s.id AS sink_id FROM lots
                 JOIN unnest(CAST(:sinkAssets AS text[]), CAST(:sinkCurrencies AS text[]), CAST(:sinkIds AS text[]))
                      AS s(asset, currency_code, id)
                   ON s.asset = lots.asset AND s.currency_code IS NOT DISTINCT FROM lots.currency_code
                ORDER BY lots.account_id, lots.id) l
       ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id, source_id, debit_account_id, amount, raw_amount
     ), alloc AS (
       INSERT INTO ledger_lot_allocation (id, posting_id, lot_posting_id, account_id, amount, raw_amount)
       SELECT ${orderedIds("lalc")}, i.id, i.source_id, i.debit_account_id, i.amount, i.raw_amount
         FROM (SELECT * FROM ins ORDER BY id) i
     ), sums AS (
       SELECT debit_account_id, SUM(amount) AS amount, COUNT(*) AS n FROM ins GROUP BY debit_account_id
     ), upd AS (
       UPDATE ledger_account a
          SET posted = a.posted - sums.amount,
              raw_posted = jsonb_build_object('value', (a.posted - sums.amount)::text, 'precision', 20),
              updated_at = now()
         FROM sums WHERE a.id = sums.debit_account_id
       RETURNING sums.n
     )
     SELECT COALESCE(SUM(n), 0)::int AS expired FROM upd`,
    {
      ids: accounts.map((a) => a.id),
      asOf,
      sinkAssets: kinds.map((a) => a.asset),
      sinkCurrencies: kinds.map((a) => a.currency_code),
      sinkIds: sink.map((s) => s.id),
    } as any
  )
  return { expired, last_account_id }
}
