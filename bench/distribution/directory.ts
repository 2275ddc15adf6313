// In-process part of `npm run bench:referral-directory` (bench/run-referral-directory.mjs runs
// it as `medusa exec bench/distribution/directory.ts` on the loaded 1M-member forest with its
// orders): core's referral directory as rebates and blind box call it, answered by the built
// distribution plugin through its module service. Latencies of activeMembersPerLevel for
// batches of random members and of the biggest teams, a whole-forest pass, and the query plans
// (EXPLAIN ANALYZE) with and without a (buyer_id, paid_at) index on commission_order (whichever the
// schema lacks is created or dropped inside a rolled-back transaction). Figures go to BENCH_OUT.
import fs from "node:fs"
import path from "node:path"
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
// the built packages, as the app loaded them (the directory registry is on globalThis anyway)
import { referralDirectory, referralDirectoryProvider } from "@fission/core/utils"
import { latencySummary, nowMs, round, timeEach } from "./stats"

const MEMBER = (i: number) => `cus_bench_${i}`
const INDEX = "IDX_commission_order_buyer_id_paid_at"
const ROOT = path.resolve(__dirname, "../..")
const BUILT_DIRECTORY = path.join(ROOT, "plugins/distribution/.medusa/server/src/modules/distribution/referral-forest/directory.js")

function intEnv(name: string, fallback: number) {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer`)
  return value
}

const params = {
  batch: intEnv("BENCH_DIRECTORY_BATCH", 1000),
  batches: intEnv("BENCH_DIRECTORY_BATCHES", 30),
  min_spend: intEnv("BENCH_MIN_SPEND", 899),
  whole_forest: intEnv("BENCH_WHOLE_FOREST", 1) === 1,
}

const log = (m: string) => console.log(`\x1b[35m[bench]\x1b[0m ${m}`)

export default async function referralDirectoryBench({ container }: ExecArgs) {
  const knex: any = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  if (!referralDirectoryProvider()) require("@fission/distribution/workflows/hooks/referral-directory")
  const directory = referralDirectory(container)
  if (!directory) throw new Error("no referral directory: is @fission/distribution loaded?")
  const results: Record<string, unknown> = { params, provider: referralDirectoryProvider() }
  log(`params ${JSON.stringify(params)}`)

  const { rows: [{ members }] } = await knex.raw(`SELECT max(i)::int AS members FROM bench_forest_node`)
  const { rows: [period] } = await knex.raw(`SELECT date_trunc('month', now()) AS from, now() + interval '1 day' AS to`)
  const query = { from: period.from, to: period.to, min_spend: params.min_spend, depth: 3 }
  const random = (n: number) => Array.from({ length: n }, () => MEMBER(1 + Math.floor(Math.random() * members)))
  const { rows: biggest } = await knex.raw(
    `SELECT customer_id, level1, level2, level3 FROM team_counter WHERE deleted_at IS NULL
      ORDER BY level1 + level2 + level3 DESC, customer_id LIMIT ?`,
    [params.batch]
  )
  const biggestIds: string[] = biggest.map((r: any) => r.customer_id)
  const { rows: [shape] } = await knex.raw(
    `SELECT count(*)::int AS orders,
            count(*) FILTER (WHERE paid_at >= ? AND paid_at < ?)::int AS orders_in_period,
            (SELECT count(*)::int FROM referral_ancestor) AS closure_rows,
            (SELECT count(*)::int FROM team_counter WHERE level1 > 0) AS members_with_a_team
       FROM commission_order WHERE deleted_at IS NULL`,
    [period.from, period.to]
  )
  results.data = { members, ...shape, period: { from: period.from, to: period.to }, biggest_team: biggest[0] }
  const sum = (r: Record<string, number[]>) => Object.values(r).reduce((t, l) => t + l.reduce((a, b) => a + b, 0), 0)

  log(`activeMembersPerLevel: ${params.batches} batches of ${params.batch} random members…`)
  await directory.activeMembersPerLevel(random(params.batch), query) // warm-up
  let activeSeen = 0
  const randomSamples = await timeEach(
    Array.from({ length: params.batches }, () => random(params.batch)),
    (ids) => directory.activeMembersPerLevel(ids, query),
    (r) => void (activeSeen += sum(r))
  )
  log(`activeMembersPerLevel: the ${params.batch} biggest teams, the biggest team alone…`)
  const biggestSamples = await timeEach(Array.from({ length: 10 }, () => biggestIds), (ids) => directory.activeMembersPerLevel(ids, query))
  const oneSamples = await timeEach(Array.from({ length: 30 }, () => [biggestIds[0]]), (ids) => directory.activeMembersPerLevel(ids, query))
  const biggestResult = await directory.activeMembersPerLevel([biggestIds[0]], query)
  results.active_members_per_level = {
    random_batches: { ...latencySummary(randomSamples), batch: params.batch, active_counted_per_batch: round(activeSeen / params.batches, 1) },
    biggest_teams_batch: { ...latencySummary(biggestSamples), batch: biggestIds.length },
    biggest_team_alone: { ...latencySummary(oneSamples), team: biggest[0], active: biggestResult[biggestIds[0]] },
  }

  if (params.whole_forest) {
    // what a month-end level evaluation does: every member with a team, in the directory's own batches
    log("activeMembersPerLevel over every member with a team…")
    const { rows } = await knex.raw(`SELECT customer_id FROM team_counter WHERE deleted_at IS NULL AND level1 > 0 ORDER BY customer_id`)
    const ids: string[] = rows.map((r: any) => r.customer_id)
    const t = nowMs()
    const all = await directory.activeMembersPerLevel(ids, query)
    const seconds = (nowMs() - t) / 1000
    results.whole_forest = { customers: ids.length, seconds: round(seconds, 1), customers_per_s: Math.round(ids.length / seconds), active_counted: sum(all) }
  }

  // The plans: the directory's exact statement (the built file) under EXPLAIN ANALYZE, with and
  // without the (buyer_id, paid_at) index.
  const { activeMembersStatement } = require(BUILT_DIRECTORY)
  const { rows: [{ present }] } = await knex.raw(`SELECT to_regclass(?) IS NOT NULL AS present`, [`"${INDEX}"`])
  results.index_in_schema = present
  // long lines (the id array) shortened: the plan's shape is what matters
  const short = (line: string) => (line.length > 240 ? `${line.slice(0, 237)}…` : line)
  const planOnce = async (ids: string[], withIndex: boolean) => {
    let plan: string[] = []
    await knex
      .transaction(async (trx: any) => {
        if (present && !withIndex) await trx.raw(`DROP INDEX "${INDEX}"`)
        if (!present && withIndex) await trx.raw(`CREATE INDEX "${INDEX}" ON commission_order (buyer_id, paid_at) WHERE deleted_at IS NULL`)
        const { sql, bindings } = activeMembersStatement(ids, { ...query, min_spend: String(params.min_spend) })
        plan = (await trx.raw(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, bindings)).rows.map((r: any) => short(r["QUERY PLAN"]))
        throw new Error("rollback")
      })
      .catch((e: any) => {
        if (e?.message !== "rollback") throw e
      })
    const time = plan.find((l) => l.startsWith("Execution Time"))
    return { execution_ms: time ? Number(time.replace(/[^0-9.]/g, "")) : null, plan }
  }
  // each plan is taken twice and the second kept, so both variants run on a warm cache
  const planOf = async (ids: string[], withoutIndex: boolean) => {
    await planOnce(ids, withoutIndex)
    return planOnce(ids, withoutIndex)
  }
  log("EXPLAIN ANALYZE with and without the (buyer_id, paid_at) index…")
  const sample = random(params.batch)
  results.plans = {
    random_batch_with_index: await planOf(sample, true),
    random_batch_without_index: await planOf(sample, false),
    biggest_teams_with_index: await planOf(biggestIds, true),
    biggest_teams_without_index: await planOf(biggestIds, false),
  }

  if (process.env.BENCH_OUT) fs.writeFileSync(process.env.BENCH_OUT, JSON.stringify(results, null, 2))
  log("done")
}
