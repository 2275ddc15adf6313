// Per-statement times of one points-expiry batch (the first 1,000 accounts, 10,000 lots): the
// statements of core's expiry as of commit 715e291 (ids and JSON recordsets built in Node) and the
// set-based ones of plugins/core/src/modules/ledger/store/expiry.ts, alternating, each in a
// transaction that is rolled back. Run against a database the membership bench kept
// (BENCH_KEEP_DB=1, its server running): it first undoes the job's run (deletes the `expired`
// postings and the allocations, sets the counters back to the sum of the lots) — bench databases only.
//   DATABASE_URL=postgres://postgres:postgres@127.0.0.1:15459/fission_bench_membership node bench/membership/expiry-profile.cjs [rounds]
const { Client } = require("pg")
const { generateEntityId } = require("@medusajs/utils")
const url = process.env.DATABASE_URL || "postgres://postgres:postgres@127.0.0.1:15459/fission_bench_membership"
if (!/fission_bench_membership$/.test(url)) throw new Error("bench database only (it deletes the expired postings)")
const c = new Client({ connectionString: url })
const rawNumber = (v) => JSON.stringify({ value: v, precision: 20 })
const t = () => Number(process.hrtime.bigint()) / 1e6
async function timed(out, name, fn) { const s = t(); const r = await fn(); out[name] = (out[name] || 0) + (t() - s); return r }
const remaining = `p.amount - COALESCE((SELECT SUM(a.amount) FROM ledger_lot_allocation a WHERE a.lot_posting_id = p.id AND a.deleted_at IS NULL), 0)`
const due = `p.is_lot AND p.status = 'posted' AND p.expires_at <= now() AND p.deleted_at IS NULL`
async function oldBatch(out, sink) {
  const acc = await timed(out, "1 find accounts", () => c.query(`SELECT DISTINCT p.credit_account_id AS account_id FROM ledger_posting p WHERE ${due} AND p.credit_account_id > '' AND ${remaining} > 0 ORDER BY 1 LIMIT 1000`))
  const ids = acc.rows.map((r) => r.account_id)
  await timed(out, "2 lock", () => c.query(`SELECT id FROM ledger_account WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [ids]))
  const lots = (await timed(out, "3 read lots (+n probe)", () => c.query(`SELECT p.id, p.credit_account_id AS account_id, p.asset, p.currency_code, (${remaining})::text AS remaining,
      (SELECT COUNT(*) FROM ledger_posting e WHERE e.source_type = 'ledger.lot' AND e.source_id = p.id AND e.reason = 'expired' AND e.deleted_at IS NULL)::int AS n
      FROM ledger_posting p WHERE p.credit_account_id = ANY($1) AND ${due} AND ${remaining} > 0`, [ids]))).rows
  const [pj, aj, cj] = await timed(out, "4 build JSON in Node", async () => {
    const postings = lots.map((lot) => ({ id: generateEntityId(undefined, "lpst"), lot }))
    return [JSON.stringify(postings.map(({ id, lot }) => ({ id, key: `expiry:${lot.id}:${lot.n}`, asset: lot.asset, currency_code: lot.currency_code, amount: lot.remaining, raw: rawNumber(lot.remaining), debit: lot.account_id, credit: sink, lot: lot.id }))),
      JSON.stringify(postings.map(({ id, lot }) => ({ id: generateEntityId(undefined, "lalc"), posting_id: id, lot: lot.id, account_id: lot.account_id, amount: lot.remaining, raw: rawNumber(lot.remaining) }))),
      JSON.stringify(lots.map((l) => ({ account_id: l.account_id, amount: l.remaining })))]
  })
  await timed(out, "5 insert postings", () => c.query(`INSERT INTO ledger_posting (id, idempotency_key, asset, currency_code, amount, raw_amount, debit_account_id, credit_account_id, status, reason, source_type, source_id, posted_at)
     SELECT x.id, x.key, x.asset, x.currency_code, x.amount::numeric, x.raw::jsonb, x.debit, x.credit, 'posted', 'expired', 'ledger.lot', x.lot, now()
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, key text, asset text, currency_code text, amount text, raw text, debit text, credit text, lot text)
     ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING`, [pj]))
  await timed(out, "6 insert allocations", () => c.query(`INSERT INTO ledger_lot_allocation (id, posting_id, lot_posting_id, account_id, amount, raw_amount)
     SELECT x.id, x.posting_id, x.lot, x.account_id, x.amount::numeric, x.raw::jsonb FROM jsonb_to_recordset($1::jsonb) AS x(id text, posting_id text, lot text, account_id text, amount text, raw text)`, [aj]))
  await timed(out, "7 update counters", () => c.query(`UPDATE ledger_account a SET posted = a.posted - s.total, raw_posted = jsonb_build_object('value', (a.posted - s.total)::text, 'precision', 20), updated_at = now()
       FROM (SELECT x.account_id, SUM(x.amount::numeric) AS total FROM jsonb_to_recordset($1::jsonb) AS x(account_id text, amount text) GROUP BY x.account_id) s WHERE a.id = s.account_id`, [cj]))
}
async function newBatch(out, sink) {
  const acc = await timed(out, "n1 find + lock accounts", () => c.query(`SELECT acc.id, acc.asset, acc.currency_code FROM ledger_account acc
      WHERE acc.id = ANY(ARRAY(SELECT DISTINCT p.credit_account_id FROM ledger_posting p WHERE ${due} AND p.credit_account_id > ''
        AND p.amount > (SELECT COALESCE(SUM(a.amount), 0) FROM ledger_lot_allocation a WHERE a.lot_posting_id = p.id AND a.deleted_at IS NULL)
        ORDER BY 1 LIMIT 1000)) ORDER BY acc.id FOR UPDATE`))
  const ids = acc.rows.map((r) => r.id)
  await timed(out, "n2 sinks", () => c.query(`SELECT * FROM ledger_account WHERE key = ANY($1) AND deleted_at IS NULL`, [["platform:expired:points:-:main"]]))
  const oid = (p) => `'${generateEntityId(undefined, p)}_' || lpad((row_number() OVER ())::text, 9, '0')`
  await timed(out, "n3 post (lots, postings, allocations, counters)", () => c.query(`WITH lots AS MATERIALIZED (
       SELECT p.id, p.credit_account_id AS account_id, p.asset, p.currency_code, p.amount - u.used AS remaining,
              CASE WHEN u.allocations = 0 THEN 0 ELSE (SELECT COUNT(*) FROM ledger_posting e WHERE e.source_type = 'ledger.lot' AND e.source_id = p.id AND e.reason = 'expired' AND e.deleted_at IS NULL) END AS n
         FROM ledger_posting p CROSS JOIN LATERAL (SELECT COALESCE(SUM(a.amount), 0) AS used, COUNT(*) AS allocations FROM ledger_lot_allocation a WHERE a.lot_posting_id = p.id AND a.deleted_at IS NULL) u
        WHERE p.credit_account_id = ANY($1) AND ${due} AND p.amount - u.used > 0
     ), ins AS (
       INSERT INTO ledger_posting (id, idempotency_key, asset, currency_code, amount, raw_amount, debit_account_id, credit_account_id, status, reason, source_type, source_id, posted_at)
       SELECT ${oid("lpst")}, 'expiry:' || l.id || ':' || l.n, l.asset, l.currency_code, l.remaining, jsonb_build_object('value', l.remaining::text, 'precision', 20), l.account_id, l.sink_id, 'posted', 'expired', 'ledger.lot', l.id, now()
         FROM (SELECT lots.*, s.id AS sink_id FROM lots JOIN unnest($2::text[], $3::text[], $4::text[]) AS s(asset, currency_code, id)
                   ON s.asset = lots.asset AND s.currency_code IS NOT DISTINCT FROM lots.currency_code ORDER BY lots.account_id, lots.id) l
       ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id, source_id, debit_account_id, amount, raw_amount
     ), alloc AS (
       INSERT INTO ledger_lot_allocation (id, posting_id, lot_posting_id, account_id, amount, raw_amount)
       SELECT ${oid("lalc")}, i.id, i.source_id, i.debit_account_id, i.amount, i.raw_amount FROM (SELECT * FROM ins ORDER BY id) i
     ), sums AS (SELECT debit_account_id, SUM(amount) AS amount, COUNT(*) AS n FROM ins GROUP BY debit_account_id),
     upd AS (UPDATE ledger_account a SET posted = a.posted - sums.amount, raw_posted = jsonb_build_object('value', (a.posted - sums.amount)::text, 'precision', 20), updated_at = now()
         FROM sums WHERE a.id = sums.debit_account_id RETURNING sums.n)
     SELECT COALESCE(SUM(n), 0)::int AS expired FROM upd`, [ids, ["points"], [null], [sink]]))
}
async function main() {
  await c.connect()
  await c.query(`DELETE FROM ledger_lot_allocation`)
  await c.query(`DELETE FROM ledger_posting WHERE reason = 'expired'`)
  await c.query(`UPDATE ledger_account a SET posted = s.total, raw_posted = jsonb_build_object('value', s.total::text, 'precision', 20)
      FROM (SELECT credit_account_id AS id, SUM(amount) AS total FROM ledger_posting WHERE reason = 'bench.fill' GROUP BY 1) s WHERE a.id = s.id`)
  await c.query(`VACUUM ANALYZE ledger_account, ledger_posting, ledger_lot_allocation`)
  const sink = (await c.query(`SELECT id FROM ledger_account WHERE key LIKE 'platform:expired%'`)).rows[0].id
  const out = {}
  const N = Number(process.argv[2] || 3)
  for (let i = 0; i < N; i++) {
    await c.query("BEGIN"); let s = t(); await oldBatch(out, sink); out.total_old = (out.total_old || 0) + t() - s; await c.query("ROLLBACK")
    await c.query("BEGIN"); s = t(); await newBatch(out, sink); out.total_new = (out.total_new || 0) + t() - s; await c.query("ROLLBACK")
  }
  for (const k of Object.keys(out)) out[k] = Math.round(out[k] / N)
  console.log(JSON.stringify(out, null, 1))
  await c.end()
}
main()
