// Maintained platform totals at scale, run by `npm run bench:ledger-totals`
// (bench/run-ledger-totals.mjs) as `medusa exec bench/ledger/platform-totals.ts`, so the real
// `fission_ledger` module, container and pool are measured:
// 1. write path: concurrent single postings, all from one platform account
//    (`platform:points_issued`), with the maintained totals off (their triggers disabled: the
//    ledger as it was) and on, alternating off/on/on/off… in one run;
// 2. fill to BENCH_POSTINGS (10,000,000) postings with set-based SQL (bench/ledger/fill.ts);
// 3. platform balance reads from the totals — `retrieveBalances(platform)` and
//    `listPlatformBalances()` (the admin route's one call) — idle and while postings run, next
//    to the read as it was (the sum over the account's postings), and a check that the totals
//    equal the postings for every platform account.
// Parameters from the environment (bench/README.md "Platform totals"); figures to BENCH_OUT.
import fs from "node:fs"
import { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { LedgerModuleService, PostingInput } from "../../plugins/core/src/modules/ledger"
import { Migration20261203180000 } from "../../plugins/core/src/modules/ledger/migrations/Migration20261203180000"
import { customer, platform } from "../../plugins/core/src/utils/ledger"
import { fillTo } from "./fill"
import { intEnv, latencySummary, nowMs, postingPhase, round, runFor } from "./stats"

const params = {
  seconds: intEnv("BENCH_SECONDS", 15),
  concurrency: Math.max(1, intEnv("BENCH_CONCURRENCY", 8)),
  rounds: Math.max(1, intEnv("BENCH_ROUNDS", 2)),
  postings: intEnv("BENCH_POSTINGS", 10_000_000),
  fill_accounts: Math.max(1, intEnv("BENCH_ACCOUNTS", 100_000)),
  reads: Math.max(1, intEnv("BENCH_READS", 200)),
  derived_reads: intEnv("BENCH_DERIVED_READS", 3),
  customers_per_worker: 200,
}

const log = (m: string) => console.log(`\x1b[35m[bench]\x1b[0m ${m}`)

const earn = (key: string, customerId: string): PostingInput => ({
  idempotency_key: key,
  asset: "points",
  amount: 5,
  from: platform("points_issued"),
  to: customer(customerId),
  reason: "bench.earn",
  source_type: "bench",
  source_id: key,
})
const workerCustomer = (w: number, i: number) => `bench_t_${w}_${i % params.customers_per_worker}`

/** The platform read as it was before the totals: every posting of the accounts, summed (store/reports.ts `DERIVED`). */
const DERIVED_READ = `
  SELECT account_id, SUM(posted)::text AS posted, SUM(pending_in)::text AS pending_in, SUM(pending_out)::text AS pending_out
    FROM (
      SELECT credit_account_id AS account_id,
             CASE WHEN status = 'posted' THEN amount ELSE 0 END AS posted,
             CASE WHEN status = 'pending' AND reverses_posting_id IS NULL THEN amount ELSE 0 END AS pending_in,
             CASE WHEN status = 'pending' AND reverses_posting_id IS NOT NULL THEN -amount ELSE 0 END AS pending_out
        FROM ledger_posting WHERE deleted_at IS NULL AND (credit_account_id = ANY(:ids) OR debit_account_id = ANY(:ids))
      UNION ALL
      SELECT debit_account_id,
             CASE WHEN status = 'posted' THEN -amount ELSE 0 END,
             CASE WHEN status = 'pending' AND reverses_posting_id IS NOT NULL THEN -amount ELSE 0 END,
             CASE WHEN status = 'pending' AND reverses_posting_id IS NULL THEN amount ELSE 0 END
        FROM ledger_posting WHERE deleted_at IS NULL AND (credit_account_id = ANY(:ids) OR debit_account_id = ANY(:ids))
    ) movements
   WHERE account_id = ANY(:ids)
   GROUP BY account_id`

const TRIGGERS = ["insert", "update", "delete", "truncate"].map((op) => `fission_platform_totals_${op}`)

export default async function platformTotalsBench({ container }: ExecArgs) {
  const ledger = container.resolve<LedgerModuleService>("fission_ledger")
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { seconds: T, concurrency: C } = params
  const checkpoint = () => knex.raw("CHECKPOINT").catch(() => undefined)
  const one = async (sql: string, bindings: any = []) => (await knex.raw(sql, bindings)).rows[0]
  const results: Record<string, any> = { params }
  log(`params ${JSON.stringify(params)}`)

  /** The ledger as it was: no trigger keeps platform totals. */
  const totalsOff = async () => {
    for (const t of TRIGGERS) await knex.raw(`ALTER TABLE ledger_posting DISABLE TRIGGER ${t}`)
  }
  /** The migration again: triggers re-created and the totals backfilled from the postings. */
  const totalsOn = async () => {
    const statements: string[] = []
    const migration = Object.create(Migration20261203180000.prototype)
    migration.addSql = (sql: string) => statements.push(sql)
    await migration.up()
    await knex.transaction(async (trx) => {
      for (const sql of statements) await trx.raw(sql)
    })
  }
  const shards = async () =>
    (
      await one(
        `SELECT COUNT(*)::int AS n FROM ledger_platform_total t JOIN ledger_account a ON a.id = t.account_id
          WHERE a.key = 'platform:points_issued:points:-:main' AND t.deleted_at IS NULL`
      )
    ).n as number

  // Warm up: every worker's 200 customer accounts (one batch each) and the platform account.
  await Promise.all(
    Array.from({ length: C }, (_, w) =>
      ledger.post(Array.from({ length: params.customers_per_worker }, (_, i) => earn(`bt:warm:${w}:${i}`, workerCustomer(w, i))))
    )
  )
  await runFor(Math.min(2, T), C, (w, i) => ledger.post([earn(`bt:warm-single:${w}:${i}`, workerCustomer(w, i))]))

  // 1. Write path: single postings to one platform account, totals off / on alternating (off, on, on, off, …).
  const phases: any[] = []
  let tag = 0
  for (let pass = 0; pass < params.rounds; pass++) {
    for (const on of pass % 2 === 0 ? [false, true] : [true, false]) {
      if (on) await totalsOn()
      else await totalsOff()
      await checkpoint()
      const label = on ? "totals on" : "totals off"
      log(`single postings, ${label}: ${C} workers × ${T}s…`)
      const t = tag++
      const { firstError, figures } = await postingPhase(T, C, (w, i) => ledger.post([earn(`bt:p${t}:${w}:${i}`, workerCustomer(w, i))]))
      const phase = {
        totals: on,
        ...figures,
        shards_after: on ? await shards() : null,
      }
      if (firstError) log(`  first error: ${String(firstError)}`)
      log(`  ${JSON.stringify(phase)}`)
      phases.push(phase)
    }
  }
  await totalsOn()
  const mean = (on: boolean, f: (p: any) => number) => {
    const xs = phases.filter((p) => p.totals === on).map(f)
    return round(xs.reduce((s, x) => s + x, 0) / xs.length, 2)
  }
  results.write_path = {
    phases,
    postings_per_s: { totals_off: mean(false, (p) => p.postings_per_s), totals_on: mean(true, (p) => p.postings_per_s) },
    p50_ms: { totals_off: mean(false, (p) => p.latency.p50_ms), totals_on: mean(true, (p) => p.latency.p50_ms) },
    p99_ms: { totals_off: mean(false, (p) => p.latency.p99_ms), totals_on: mean(true, (p) => p.latency.p99_ms) },
  }
  results.write_path.on_vs_off = round(results.write_path.postings_per_s.totals_on / results.write_path.postings_per_s.totals_off, 3)
  log(`  write path: ${JSON.stringify(results.write_path.postings_per_s)} (on/off ${results.write_path.on_vs_off})`)

  // 2. Fill with set-based SQL; the totals triggers run for every 100,000-row statement.
  log(`filling the ledger to ${params.postings.toLocaleString("en")} postings (SQL, totals maintained)…`)
  const fill = await fillTo(knex, params.postings, params.fill_accounts, log, { blocks: true })
  const { total } = await one(`SELECT COUNT(*)::int AS total FROM ledger_posting`)
  results.fill = { ...fill, seconds: round(fill.seconds), postings_in_table: total }
  log(`  ${JSON.stringify(results.fill)}`)
  await knex.raw(`ANALYZE ledger_account, ledger_posting, ledger_platform_total`)
  await checkpoint()

  // 3. Reads.
  const timed = async (n: number, read: () => Promise<unknown>) => {
    const ms: number[] = []
    for (let i = 0; i < n; i++) {
      const t0 = nowMs()
      await read()
      ms.push(nowMs() - t0)
    }
    return latencySummary(ms)
  }
  const readOne = () => ledger.retrieveBalances({ owner_type: "platform", owner_id: "points_issued" })
  await timed(10, readOne)
  await timed(10, () => ledger.listPlatformBalances())
  log(`platform reads from the totals with ${total.toLocaleString("en")} postings: ${params.reads} × 2…`)
  results.reads = {
    postings_in_table: total,
    retrieve_balances_platform: await timed(params.reads, readOne),
    list_platform_balances: await timed(params.reads, () => ledger.listPlatformBalances()),
  }
  log(`  ${JSON.stringify(results.reads)}`)

  // …while C workers post single postings to the same platform account.
  log(`platform reads while ${C} workers post to it for ${T}s…`)
  const readsUnderLoad: number[] = []
  const stopAt = nowMs() + T * 1000
  const [writers] = await Promise.all([
    runFor(T, C, (w, i) => ledger.post([earn(`bt:load:${w}:${i}`, workerCustomer(w, i))])),
    (async () => {
      while (nowMs() < stopAt) {
        const t0 = nowMs()
        await ledger.listPlatformBalances()
        readsUnderLoad.push(nowMs() - t0)
      }
    })(),
  ])
  results.reads_under_write_load = {
    reads: latencySummary(readsUnderLoad),
    writer_postings_per_s: round(writers.latencies.length / writers.elapsedS, 0),
    writer_errors: writers.errors,
  }
  log(`  ${JSON.stringify(results.reads_under_write_load)}`)

  // The read as it was (sum over postings), and the proof: totals = postings for every platform account.
  const accounts = (await knex.raw(`SELECT id, key FROM ledger_account WHERE owner_type = 'platform' AND deleted_at IS NULL`)).rows
  const ids = accounts.map((a: any) => a.id)
  const derivedMs: number[] = []
  let derived: any[] = []
  for (let i = 0; i < params.derived_reads; i++) {
    log(`derived read ${i + 1}/${params.derived_reads} (sum over postings)…`)
    const t0 = nowMs()
    derived = (await knex.raw(DERIVED_READ, { ids } as any)).rows
    derivedMs.push(nowMs() - t0)
  }
  const totals = new Map((await ledger.listPlatformBalances()).map((b) => [b.account_id, b]))
  const mismatches = derived.filter((d) => {
    const t = totals.get(d.account_id)
    return !t || t.posted !== d.posted || t.pending_in !== d.pending_in || t.pending_out !== d.pending_out
  })
  results.derived_read = { latency: latencySummary(derivedMs), accounts: ids.length }
  results.totals_equal_postings = params.derived_reads > 0 ? mismatches.length === 0 : null
  results.platform_balance = totals.get(accounts.find((a: any) => a.key === "platform:points_issued:points:-:main").id)
  results.shards = await shards()
  log(`  derived: ${JSON.stringify(results.derived_read)}; totals = postings: ${results.totals_equal_postings}; ${JSON.stringify(results.platform_balance)}`)

  if (process.env.BENCH_OUT) fs.writeFileSync(process.env.BENCH_OUT, JSON.stringify(results, null, 2))
  if (results.totals_equal_postings === false) throw new Error(`platform totals differ from postings: ${JSON.stringify(mismatches)}`)
}
