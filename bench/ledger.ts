// Ledger throughput and read-latency benchmark, run inside Medusa by
// `npm run bench:ledger` (bench/run-ledger.mjs) as `medusa exec bench/ledger.ts`,
// so the real module, container and connection pool are measured.
// Parameters come from the environment (see bench/README.md); figures go to BENCH_OUT as JSON.
import fs from "node:fs"
import { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ModulesSdkUtils } from "@medusajs/framework/utils"
import type { LedgerModuleService, PostingInput } from "../plugins/core/src/modules/ledger"
import { postOne } from "../plugins/core/src/modules/ledger/store/engine"
import { customer, platform } from "../plugins/core/src/utils/ledger"
import { FILL_CUSTOMER_PREFIX, fillTo } from "./ledger/fill"
import { cpuSampler, intEnv, latencySummary, nowMs, round, runFor } from "./ledger/stats"

const params = {
  seconds: intEnv("BENCH_SECONDS", 20),
  concurrency: Math.max(1, intEnv("BENCH_CONCURRENCY", 8)),
  postings: intEnv("BENCH_POSTINGS", 1_000_000),
  batch_size: Math.max(1, intEnv("BENCH_BATCH_SIZE", 1000)),
  fill_accounts: Math.max(1, intEnv("BENCH_ACCOUNTS", 100_000)),
  reads: intEnv("BENCH_READS", 10_000),
  // Customers each single-posting worker cycles through (disjoint between workers).
  customers_per_worker: 200,
}

const log = (m: string) => console.log(`\x1b[35m[bench]\x1b[0m ${m}`)

const earn = (key: string, customerId: string, amount = 5): PostingInput => ({
  idempotency_key: key,
  asset: "points",
  amount,
  from: platform("points_issued"),
  to: customer(customerId),
  reason: "bench.earn",
  source_type: "bench",
  source_id: key,
})
const singleCustomer = (w: number, i: number) => `bench_s_${w}_${i % params.customers_per_worker}`

const perSecond = (n: number, seconds: number) => round(n / seconds, 0)
const withCpuPerPosting = (cpu: { node_process_cpu_ms: number | null }, postings: number) => ({
  ...cpu,
  node_cpu_ms_per_posting: postings && cpu.node_process_cpu_ms !== null ? round(cpu.node_process_cpu_ms / postings, 3) : null,
})

/** The statements one single posting sends, as seen by the shared knex pool. */
async function statementsOfOnePost(knex: Knex, ledger: LedgerModuleService) {
  const seen: string[] = []
  const onQuery = (q: { sql: string }) => seen.push(q.sql.replace(/\s+/g, " ").trim().slice(0, 90))
  ;(knex as any).on("query", onQuery)
  try {
    await ledger.post([earn("bench:probe", singleCustomer(0, 0))])
  } finally {
    ;(knex as any).removeListener("query", onQuery)
  }
  return { count: seen.length, statements: seen }
}

export default async function ledgerBench({ container }: ExecArgs) {
  const ledger = container.resolve<LedgerModuleService>("fission_ledger")
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { seconds: T, concurrency: C } = params
  const checkpoint = () => knex.raw("CHECKPOINT").catch(() => undefined)
  const results: Record<string, unknown> = { params }
  log(`params ${JSON.stringify(params)}`)

  // Warm up: create every worker's accounts (one batch each), then post singles untimed.
  await Promise.all(
    Array.from({ length: C }, (_, w) =>
      ledger.post(Array.from({ length: params.customers_per_worker }, (_, i) => earn(`bench:warm:${w}:${i}`, singleCustomer(w, i))))
    )
  )
  await runFor(Math.min(2, T), C, (w, i) => ledger.post([earn(`bench:warm-single:${w}:${i}`, singleCustomer(w, i))]))
  results.statements_per_single_post = await statementsOfOnePost(knex, ledger)

  // 1. Single postings through the service: one call = one posting = one transaction.
  await checkpoint()
  log(`single postings: ${C} workers × ${T}s…`)
  let cpu = cpuSampler()
  const single = await runFor(T, C, (w, i) => ledger.post([earn(`bench:single:${w}:${i}`, singleCustomer(w, i))]))
  results.single = {
    postings: single.latencies.length,
    errors: single.errors,
    seconds: round(single.elapsedS),
    postings_per_s: perSecond(single.latencies.length, single.elapsedS),
    latency: latencySummary(single.latencies),
    cpu: withCpuPerPosting(cpu(), single.latencies.length),
  }
  if (single.firstError) log(`  first error: ${String(single.firstError)}`)
  log(`  ${JSON.stringify(results.single)}`)

  // 1b. Profile: the same posting SQL (the module's own engine) in a plain knex
  // transaction, without the service's decorators / MikroORM fork.
  const profileSeconds = Math.max(1, Math.round(T / 2))
  await checkpoint()
  log(`profile: engine in a bare knex transaction, ${C} workers × ${profileSeconds}s…`)
  cpu = cpuSampler()
  const direct = await runFor(profileSeconds, C, (w, i) =>
    knex.transaction((trx) => postOne(trx, earn(`bench:direct:${w}:${i}`, singleCustomer(w, i))))
  )
  results.single_engine_direct = {
    postings: direct.latencies.length,
    errors: direct.errors,
    seconds: round(direct.elapsedS),
    postings_per_s: perSecond(direct.latencies.length, direct.elapsedS),
    latency: latencySummary(direct.latencies),
    cpu: withCpuPerPosting(cpu(), direct.latencies.length),
  }
  log(`  ${JSON.stringify(results.single_engine_direct)}`)

  // 1c. Calibration: pgbench's own simple-update transaction (-N) issued from Node
  // through a knex pool built like Medusa's, on the tables `pgbench -i` made: the
  // ceiling of a Node client on this machine, whatever the ledger does.
  if (process.env.BENCH_PGBENCH_URL) {
    const pgb = ModulesSdkUtils.createPgConnection({
      clientUrl: process.env.BENCH_PGBENCH_URL,
      schema: "public",
      pool: { min: 2, max: 10 },
    })
    const accounts = 100_000 * intEnv("BENCH_PGBENCH_SCALE", 10)
    await checkpoint()
    log(`calibration: pgbench -N's transaction from Node/knex, ${C} workers × ${profileSeconds}s…`)
    cpu = cpuSampler()
    const nodePgbench = await runFor(profileSeconds, C, () => {
      const aid = 1 + Math.floor(Math.random() * accounts)
      const delta = Math.floor(Math.random() * 10_001) - 5000
      return pgb.transaction(async (trx) => {
        await trx.raw(`UPDATE pgbench_accounts SET abalance = abalance + ? WHERE aid = ?`, [delta, aid])
        await trx.raw(`SELECT abalance FROM pgbench_accounts WHERE aid = ?`, [aid])
        await trx.raw(
          `INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)`,
          [1 + (aid % 10), 1 + Math.floor((aid - 1) / 100_000), aid, delta]
        )
      })
    })
    await pgb.destroy()
    results.pgbench_tx_from_node = {
      transactions: nodePgbench.latencies.length,
      errors: nodePgbench.errors,
      seconds: round(nodePgbench.elapsedS),
      tps: perSecond(nodePgbench.latencies.length, nodePgbench.elapsedS),
      latency: latencySummary(nodePgbench.latencies),
      cpu: withCpuPerPosting(cpu(), nodePgbench.latencies.length),
    }
    log(`  ${JSON.stringify(results.pgbench_tx_from_node)}`)
  }

  // 2. Batches: one call = `batch_size` postings in one transaction.
  const B = params.batch_size
  const batchOf = (tag: string, w: number, i: number) =>
    Array.from({ length: B }, (_, j) => earn(`bench:${tag}:${w}:${i}:${j}`, `bench_b_${w}_${j}`))
  await Promise.all(Array.from({ length: C }, (_, w) => ledger.post(batchOf("batch-warm", w, 0))))
  await checkpoint()
  log(`batches of ${B}: ${C} workers × ${T}s…`)
  cpu = cpuSampler()
  const batch = await runFor(T, C, (w, i) => ledger.post(batchOf("batch", w, i)))
  results.batch = {
    batch_size: B,
    batches: batch.latencies.length,
    postings: batch.latencies.length * B,
    errors: batch.errors,
    seconds: round(batch.elapsedS),
    postings_per_s: perSecond(batch.latencies.length * B, batch.elapsedS),
    batch_latency: latencySummary(batch.latencies),
    cpu: withCpuPerPosting(cpu(), batch.latencies.length * B),
  }
  if (batch.firstError) log(`  first error: ${String(batch.firstError)}`)
  log(`  ${JSON.stringify(results.batch)}`)

  // 3. Bulk fill to `postings` rows with set-based SQL.
  log(`filling the ledger to ${params.postings.toLocaleString("en")} postings (SQL)…`)
  const fill = await fillTo(knex, params.postings, params.fill_accounts, log)
  const [{ total }] = (await knex.raw(`SELECT COUNT(*)::int AS total FROM ledger_posting`)).rows
  results.fill = { ...fill, seconds: round(fill.seconds), postings_in_table: total }
  log(`  ${JSON.stringify(results.fill)}`)

  // 4. Balance reads of random customers, one at a time (latency, not throughput).
  // Fresh statistics first, as autovacuum would have gathered on a live ledger: the
  // planner's picture of a just-filled table is "empty" (see README, reconcile).
  await knex.raw(`ANALYZE ledger_account, ledger_posting`)
  await checkpoint()
  const readCustomer = fill.accounts
    ? () => `${FILL_CUSTOMER_PREFIX}${1 + Math.floor(Math.random() * fill.accounts)}`
    : () => singleCustomer(Math.floor(Math.random() * C), Math.floor(Math.random() * params.customers_per_worker))
  for (let i = 0; i < 200; i++) await ledger.retrieveBalances({ owner_type: "customer", owner_id: readCustomer() })
  log(`balance reads: ${params.reads} × retrieveBalances(customer) with ${total.toLocaleString("en")} postings…`)
  const reads: number[] = []
  let emptyReads = 0
  for (let i = 0; i < params.reads; i++) {
    const t0 = nowMs()
    const balances = await ledger.retrieveBalances({ owner_type: "customer", owner_id: readCustomer() })
    reads.push(nowMs() - t0)
    if (!balances.length) emptyReads++
  }
  results.balance_reads = { postings_in_table: total, empty_results: emptyReads, latency: latencySummary(reads) }
  log(`  ${JSON.stringify(results.balance_reads)}`)

  // Platform balances come from the maintained, sharded platform totals (no scan of history; bench:ledger-totals).
  const platformReads: number[] = []
  for (let i = 0; i < 3; i++) {
    const t0 = nowMs()
    await ledger.retrieveBalances({ owner_type: "platform", owner_id: "points_issued" })
    platformReads.push(nowMs() - t0)
  }
  results.platform_balance_reads = { postings_in_table: total, latency: latencySummary(platformReads) }
  log(`  platform balance: ${JSON.stringify(results.platform_balance_reads)}`)

  // 5. The whole ledger must still prove out.
  log(`reconcile()…`)
  const t0 = nowMs()
  const report = await ledger.reconcile()
  results.reconcile = {
    ok: report.ok,
    seconds: round((nowMs() - t0) / 1000),
    counter_mismatches: report.counter_mismatches.length,
    unbalanced_assets: report.assets.filter((a: any) => !a.balanced).length,
    negative_accounts: report.negative_accounts.length,
  }
  log(`  ${JSON.stringify(results.reconcile)}`)

  if (process.env.BENCH_OUT) fs.writeFileSync(process.env.BENCH_OUT, JSON.stringify(results, null, 2))
  if (!report.ok) throw new Error("reconcile() is not ok after the bench: the fill or the ledger is inconsistent")
}
