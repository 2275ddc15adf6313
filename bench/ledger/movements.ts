// Maintained movement buckets at scale (the Growth overview), run by `npm run bench:ledger-movements`
// (bench/run-ledger-movements.mjs) as `medusa exec bench/ledger/movements.ts`, so the real
// `fission_ledger` module, container and pool are measured:
// 1. fill to BENCH_POSTINGS (10,000,000) postings spread over the last BENCH_DAYS (90) days with
//    set-based SQL (bench/ledger/fill.ts), the triggers keeping totals and buckets;
// 2. write path at that size: concurrent single postings from one platform account, the trigger
//    functions keeping totals + buckets and totals only, alternating in one run;
// 3. the Growth overview's read — the handler's two `platformMovements` calls (today and the last
//    30 local days) — from the buckets, next to the same windows summed from postings, and a check
//    that both agree and that every bucket equals its postings.
// Parameters from the environment (bench/README.md "Movement buckets"); figures to BENCH_OUT.
import fs from "node:fs"
import { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { LedgerModuleService, PostingInput } from "../../plugins/core/src/modules/ledger"
import { Migration20261204020000 } from "../../plugins/core/src/modules/ledger/migrations/Migration20261204020000"
import { BUCKET_MISMATCHES, platformMovementsFromPostings } from "../../plugins/core/src/modules/ledger/store/movements"
import { bothFunction, TRIGGER_FUNCTIONS, triggerFunction } from "../../plugins/core/src/modules/ledger/store/posting-triggers"
import { localDate, startOfLocalDay } from "../../plugins/core/src/utils"
import { customer, platform } from "../../plugins/core/src/utils/ledger"
import { fillTo } from "./fill"
import { intEnv, latencySummary, nowMs, postingPhase, round, runFor } from "./stats"

const params = {
  seconds: intEnv("BENCH_SECONDS", 15),
  concurrency: Math.max(1, intEnv("BENCH_CONCURRENCY", 8)),
  rounds: Math.max(1, intEnv("BENCH_ROUNDS", 2)),
  postings: intEnv("BENCH_POSTINGS", 10_000_000),
  fill_accounts: Math.max(1, intEnv("BENCH_ACCOUNTS", 100_000)),
  days: Math.max(1, intEnv("BENCH_DAYS", 90)),
  reads: Math.max(1, intEnv("BENCH_READS", 200)),
  derived_reads: intEnv("BENCH_DERIVED_READS", 3),
  trigger_statements: intEnv("BENCH_TRIGGER_STATEMENTS", 2000),
  trigger_reps: intEnv("BENCH_TRIGGER_REPS", 3),
  bulk_rows: intEnv("BENCH_BULK_ROWS", 1_000_000),
  time_zone: process.env.BENCH_TIME_ZONE ?? "Asia/Shanghai",
  customers_per_worker: 200,
}

const log = (m: string) => console.log(`\x1b[35m[bench]\x1b[0m ${m}`)
const DAY = 86_400_000

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
const workerCustomer = (w: number, i: number) => `bench_m_${w}_${i % params.customers_per_worker}`

/** The windows of GET /admin/fission/growth (plugins/core/src/api/admin/fission/growth/route.ts). */
function growthWindows(timeZone: string) {
  const now = new Date()
  const todayFrom = startOfLocalDay(localDate(now, timeZone), timeZone)
  const monthFrom = startOfLocalDay(localDate(new Date(todayFrom.getTime() - 29 * DAY + DAY / 2), timeZone), timeZone)
  const to = new Date(now.getTime() + 1)
  return [
    { from: todayFrom, to },
    { from: monthFrom, to },
  ]
}

const canonical = (rows: any[]) =>
  JSON.stringify(rows.map((r) => [r.asset, r.currency_code, r.kind, String(r.total).includes(".") ? String(r.total).replace(/\.?0+$/, "") : String(r.total), r.count]))

export default async function movementsBench({ container }: ExecArgs) {
  const ledger = container.resolve<LedgerModuleService>("fission_ledger")
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { seconds: T, concurrency: C } = params
  const checkpoint = () => knex.raw("CHECKPOINT").catch(() => undefined)
  const one = async (sql: string, bindings: any = []) => (await knex.raw(sql, bindings)).rows[0]
  const results: Record<string, any> = { params }
  log(`params ${JSON.stringify(params)}`)

  /** The trigger functions as Migration20261203180000 made them: platform totals only. */
  const totalsOnly = async () => {
    await knex.transaction(async (trx) => {
      for (const [name, probe, sources] of TRIGGER_FUNCTIONS) await trx.raw(triggerFunction(name, probe, sources))
    })
  }
  /** The trigger functions of Migration20261204020000: totals and buckets (no backfill: see the restore below). */
  const totalsAndBuckets = async () => {
    await knex.transaction(async (trx) => {
      for (const [name, probe, sources] of TRIGGER_FUNCTIONS) await trx.raw(bothFunction(name, probe, sources))
    })
  }
  /** Migration20261204020000 again: functions and the buckets backfilled from the postings. */
  const migrateBuckets = async () => {
    const statements: string[] = []
    const migration = Object.create(Migration20261204020000.prototype)
    migration.addSql = (sql: string) => statements.push(sql)
    await migration.up()
    await knex.transaction(async (trx) => {
      for (const sql of statements) await trx.raw(sql)
    })
  }

  // Warm up: the platform account and every worker's 200 customer accounts (one batch each).
  await Promise.all(
    Array.from({ length: C }, (_, w) =>
      ledger.post(Array.from({ length: params.customers_per_worker }, (_, i) => earn(`bm:warm:${w}:${i}`, workerCustomer(w, i))))
    )
  )

  // 1. Fill, posted times spread over the last BENCH_DAYS days; every chunk's statement adds to totals and buckets.
  log(`filling the ledger to ${params.postings.toLocaleString("en")} postings over ${params.days} days (SQL, totals and buckets maintained)…`)
  const fillTo_ = new Date()
  const fill = await fillTo(knex, params.postings, params.fill_accounts, log, {
    blocks: true,
    postedOver: { from: new Date(fillTo_.getTime() - params.days * DAY), to: fillTo_ },
  })
  const { total } = await one(`SELECT COUNT(*)::int AS total FROM ledger_posting`)
  results.fill = { ...fill, seconds: round(fill.seconds), postings_in_table: total }
  log(`  ${JSON.stringify(results.fill)}`)
  await knex.raw(`ANALYZE ledger_account, ledger_posting, ledger_platform_total, ledger_movement_bucket`)
  await checkpoint()
  // A discarded phase first: right after the fill the buffers hold the fill's pages, and the first
  // measured phase ran at half the speed of every later one whichever functions it had (2026-12-04, run 1).
  log(`warm-up: single postings for ${T}s (not counted)…`)
  const warm = await runFor(T, C, (w, i) => ledger.post([earn(`bm:warm-single:${w}:${i}`, workerCustomer(w, i))]))
  results.warm_up_postings_per_s = round(warm.latencies.length / warm.elapsedS, 0)
  log(`  warm-up: ${results.warm_up_postings_per_s} /s`)

  // 2. Write path at this size: single postings, totals + buckets / totals only alternating (on, off, off, on, …).
  const phases: any[] = []
  let tag = 0
  for (let pass = 0; pass < params.rounds; pass++) {
    for (const buckets of pass % 2 === 0 ? [true, false] : [false, true]) {
      if (buckets) await totalsAndBuckets()
      else await totalsOnly()
      await checkpoint()
      const label = buckets ? "totals + buckets" : "totals only"
      log(`single postings, ${label}: ${C} workers × ${T}s…`)
      const t = tag++
      const { firstError, figures } = await postingPhase(T, C, (w, i) => ledger.post([earn(`bm:p${t}:${w}:${i}`, workerCustomer(w, i))]))
      const phase = { buckets, ...figures }
      if (firstError) log(`  first error: ${String(firstError)}`)
      log(`  ${JSON.stringify(phase)}`)
      phases.push(phase)
    }
  }
  const mean = (buckets: boolean, f: (p: any) => number) => {
    const xs = phases.filter((p) => p.buckets === buckets).map(f)
    return round(xs.reduce((s, x) => s + x, 0) / xs.length, 2)
  }
  results.write_path = {
    phases,
    postings_per_s: { totals_only: mean(false, (p) => p.postings_per_s), totals_and_buckets: mean(true, (p) => p.postings_per_s) },
    p50_ms: { totals_only: mean(false, (p) => p.latency.p50_ms), totals_and_buckets: mean(true, (p) => p.latency.p50_ms) },
    p99_ms: { totals_only: mean(false, (p) => p.latency.p99_ms), totals_and_buckets: mean(true, (p) => p.latency.p99_ms) },
  }
  results.write_path.buckets_vs_totals_only = round(
    results.write_path.postings_per_s.totals_and_buckets / results.write_path.postings_per_s.totals_only,
    3
  )
  log(`  write path: ${JSON.stringify(results.write_path.postings_per_s)} (with buckets / totals only ${results.write_path.buckets_vs_totals_only})`)

  // The trigger's own cost, without Node and the pool: BENCH_TRIGGER_STATEMENTS single-row INSERT
  // statements (each fires the statement trigger) in one DO block, with no trigger / totals only /
  // totals + buckets, rotating, each in a transaction rolled back. On a loaded machine the end-to-end
  // phases above vary by more than the trigger costs; this isolates it.
  if (params.trigger_statements && params.trigger_reps) {
    const platformId = (await one(`SELECT id FROM ledger_account WHERE key = 'platform:points_issued:points:-:main'`)).id
    const customerIds = (await knex.raw(`SELECT id FROM ledger_account WHERE owner_type = 'customer' ORDER BY id LIMIT 200`)).rows.map((r: any) => r.id)
    const loop = `DO $do$
DECLARE ids text[] := ARRAY[${customerIds.map((id: string) => `'${id}'`).join(",")}];
BEGIN
  FOR i IN 1..${params.trigger_statements} LOOP
    INSERT INTO ledger_posting (id, idempotency_key, asset, currency_code, amount, raw_amount, debit_account_id, credit_account_id,
                                status, reason, source_type, source_id, posted_at)
    VALUES ('lpst_zztrig' || replace(gen_random_uuid()::text, '-', ''), 'bench:trig:' || gen_random_uuid(), 'points', NULL, 5,
            '{"value":"5","precision":20}', '${platformId}', ids[1 + i % ${customerIds.length}], 'posted', 'bench.trigger', 'bench', 't', now());
  END LOOP;
END $do$`
    const modes = ["none", "totals", "both"] as const
    const ms: Record<string, number[]> = { none: [], totals: [], both: [] }
    for (let rep = 0; rep < params.trigger_reps; rep++) {
      for (const mode of rep % 2 ? [...modes].reverse() : modes) {
        if (mode === "totals") await totalsOnly()
        if (mode === "both") await totalsAndBuckets()
        const t = nowMs()
        await knex
          .transaction(async (trx) => {
            if (mode === "none") await trx.raw(`ALTER TABLE ledger_posting DISABLE TRIGGER fission_platform_totals_insert`)
            await trx.raw(loop)
            ms[mode].push(nowMs() - t)
            throw new Error("rollback")
          })
          .catch((e) => {
            if (e.message !== "rollback") throw e
          })
      }
    }
    // One set-based INSERT of BENCH_BULK_ROWS postings (the month close's shape: debits from one
    // platform account, credits to many customers), once per mode, rolled back.
    const bulk = `INSERT INTO ledger_posting (id, idempotency_key, asset, currency_code, amount, raw_amount, debit_account_id,
         credit_account_id, status, reason, source_type, source_id, posted_at)
       SELECT 'lpst_zzbulk' || lpad(g::text, 12, '0'), 'bench:bulk:' || g, 'points', NULL, 5, '{"value":"5","precision":20}',
              '${platformId}', a.id, 'posted', 'bench.bulk', 'bench', 'b', now()
         FROM generate_series(1, ${params.bulk_rows}) g
         JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM ledger_account WHERE owner_type = 'customer') a
           ON a.n = 1 + g % ${params.fill_accounts}`
    const bulkMs: Record<string, number> = {}
    if (params.bulk_rows) {
      for (const mode of modes) {
        if (mode === "totals") await totalsOnly()
        if (mode === "both") await totalsAndBuckets()
        await checkpoint()
        log(`  one INSERT of ${params.bulk_rows.toLocaleString("en")} postings, trigger: ${mode}…`)
        await knex
          .transaction(async (trx) => {
            if (mode === "none") await trx.raw(`ALTER TABLE ledger_posting DISABLE TRIGGER fission_platform_totals_insert`)
            const t = nowMs()
            await trx.raw(bulk)
            bulkMs[mode] = round(nowMs() - t, 0)!
            throw new Error("rollback")
          })
          .catch((e) => {
            if (e.message !== "rollback") throw e
          })
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
    const per = (mode: string) => round(median(ms[mode]) / params.trigger_statements, 4)
    results.trigger_cost = {
      statements: params.trigger_statements,
      reps: params.trigger_reps,
      ms: ms,
      ms_per_statement_median: { none: per("none"), totals: per("totals"), both: per("both") },
      trigger_ms_per_statement: { totals: round(per("totals")! - per("none")!, 4), both: round(per("both")! - per("none")!, 4) },
      bulk_insert: params.bulk_rows ? { rows: params.bulk_rows, ms: bulkMs } : null,
    }
    if (params.bulk_rows) log(`  bulk insert: ${JSON.stringify(bulkMs)} ms`)
    log(`  trigger cost: ${JSON.stringify(results.trigger_cost.ms_per_statement_median)} ms per single-row statement`)
  }

  // The totals-only phases left their postings out of the buckets: the migration again backfills them.
  log(`restoring the buckets (Migration20261204020000: functions + backfill over ${total.toLocaleString("en")} postings)…`)
  const t0 = nowMs()
  await migrateBuckets()
  results.bucket_backfill_s = round((nowMs() - t0) / 1000)
  await knex.raw(`ANALYZE ledger_posting, ledger_movement_bucket`)
  await checkpoint()
  const windows = growthWindows(params.time_zone)
  const inWindow = await one(
    `SELECT COUNT(*)::int AS postings FROM ledger_posting WHERE status = 'posted' AND deleted_at IS NULL
        AND asset = 'points' AND COALESCE(posted_at, created_at) >= ? AND COALESCE(posted_at, created_at) < ?`,
    [windows[1].from, windows[1].to]
  )
  const buckets = await one(
    `SELECT COUNT(*)::int AS rows, COUNT(DISTINCT (asset, currency_code, kind, bucket_at))::int AS buckets
       FROM ledger_movement_bucket WHERE deleted_at IS NULL AND bucket_at >= ? AND bucket_at < ?`,
    [new Date(Math.floor(windows[1].from.getTime() / 900_000) * 900_000), windows[1].to]
  )
  results.window = { time_zone: params.time_zone, postings_in_30_days: inWindow.postings, bucket_rows_in_30_days: buckets.rows, buckets_in_30_days: buckets.buckets }
  log(`  backfill ${results.bucket_backfill_s} s; 30-day window: ${JSON.stringify(results.window)}`)

  // 3. The Growth overview's read, one at a time: the handler's two calls in parallel, as the route makes them.
  const overview = () => Promise.all(growthWindows(params.time_zone).map((w) => ledger.platformMovements(w)))
  const overviewFromPostings = () => Promise.all(growthWindows(params.time_zone).map((w) => platformMovementsFromPostings(knex, w)))
  const timed = async (n: number, read: () => Promise<unknown>) => {
    const ms: number[] = []
    let last: unknown
    for (let i = 0; i < n; i++) {
      const t = nowMs()
      last = await read()
      ms.push(nowMs() - t)
    }
    return { latency: latencySummary(ms), last }
  }
  await timed(10, overview)
  log(`Growth overview from the buckets: ${params.reads} reads…`)
  const fromBuckets = await timed(params.reads, overview)
  log(`  ${JSON.stringify(fromBuckets.latency)}`)

  log(`Growth overview read while ${C} workers post for ${T}s…`)
  const readsUnderLoad: number[] = []
  const stopAt = nowMs() + T * 1000
  const [writers] = await Promise.all([
    runFor(T, C, (w, i) => ledger.post([earn(`bm:load:${w}:${i}`, workerCustomer(w, i))])),
    (async () => {
      while (nowMs() < stopAt) {
        const t = nowMs()
        await overview()
        readsUnderLoad.push(nowMs() - t)
      }
    })(),
  ])
  results.reads_under_write_load = {
    reads: latencySummary(readsUnderLoad),
    writer_postings_per_s: round(writers.latencies.length / writers.elapsedS, 0),
    writer_errors: writers.errors,
  }
  log(`  ${JSON.stringify(results.reads_under_write_load)}`)

  let fromPostings: any = { latency: latencySummary([]), last: null }
  if (params.derived_reads) {
    log(`Growth overview summed from postings (the read as it was): ${params.derived_reads} reads…`)
    fromPostings = await timed(params.derived_reads, overviewFromPostings)
    log(`  ${JSON.stringify(fromPostings.latency)}`)
  }
  // Same windows, both ways, at the same moment (no writer runs now).
  const [b, p] = [await overview(), params.derived_reads ? await overviewFromPostings() : null]
  results.reads = {
    from_buckets: fromBuckets.latency,
    from_postings: fromPostings.latency,
    speedup_p50: fromPostings.latency.p50_ms && fromBuckets.latency.p50_ms ? round(fromPostings.latency.p50_ms / fromBuckets.latency.p50_ms, 0) : null,
    overview: b,
  }
  results.buckets_equal_postings_in_windows = p ? b.every((rows, i) => canonical(rows) === canonical(p[i])) : null
  log(`  overview: ${JSON.stringify(b)}; equal to the postings' sums: ${results.buckets_equal_postings_in_windows}`)

  // Every bucket against its postings (reconcile()'s check).
  log(`every bucket against its postings (reconcile()'s BUCKET_MISMATCHES)…`)
  const t1 = nowMs()
  const mismatches = (await knex.raw(BUCKET_MISMATCHES)).rows
  results.bucket_check = { seconds: round((nowMs() - t1) / 1000), mismatches: mismatches.length }
  log(`  ${JSON.stringify(results.bucket_check)}`)

  if (process.env.BENCH_OUT) fs.writeFileSync(process.env.BENCH_OUT, JSON.stringify(results, null, 2))
  if (results.buckets_equal_postings_in_windows === false || mismatches.length) {
    throw new Error(`buckets differ from postings: ${JSON.stringify(mismatches.slice(0, 5))}`)
  }
}
