// In-process part of `npm run bench:distribution` (bench/run-distribution.mjs runs it
// as `medusa exec bench/distribution/measure.ts` on the loaded 1M-member forest):
// bind latency, ancestor lookup, commission plan/record for one order, team summary.
// The plugin's built code is measured through the real container (workflows, module
// service, route handler). Parameters come from the environment; figures go to BENCH_OUT.
import fs from "node:fs"
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { DistributionModuleService } from "../../plugins/distribution/src/modules/distribution"
// The built plugin (the same module instances the container loaded), not its sources:
// registering its workflows a second time from source would clash.
import {
  bindReferralCodeWorkflow,
  buildCommissionPlanStep,
  getReferralAncestors,
  recordOrderCommissionsWorkflow,
} from "@fission/distribution/workflows"
import { GET as teamSummaryRoute } from "@fission/distribution/api/store/fission/team/summary/route"
import { latencySummary, nowMs, round, timeEach } from "./stats"

const DISTRIBUTION_MODULE = "fission_distribution"
const MEMBER = (i: number) => `cus_bench_${i}`
const NEWCOMER = (k: number) => `cus_bench_new_${k}`
/** Extra binds whose statements are traced (the runner creates 2 × (binds + warmup) + this many newcomers). */
const PROBE_BINDS = 20

function intEnv(name: string, fallback: number) {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer`)
  return value
}

const params = {
  binds: intEnv("BENCH_BINDS", 500),
  warmup: intEnv("BENCH_WARMUP", 20),
  lookups: intEnv("BENCH_LOOKUPS", 1000),
  plan_orders: intEnv("BENCH_PLAN_ORDERS", 200),
  summaries: intEnv("BENCH_SUMMARIES", 1000),
  big_team_calls: intEnv("BENCH_BIG_TEAM_CALLS", 200),
}

const log = (m: string) => console.log(`\x1b[35m[bench]\x1b[0m ${m}`)

/** A read-only workflow around the plugin's own plan step: order + upline + rules → commissions. */
const commissionPlanWorkflow = createWorkflow("fission-bench-commission-plan", (input: { order_id: string }) => {
  return new WorkflowResponse(buildCommissionPlanStep(input))
})

type Member = { i: number; d: number; id: string; code: string }

export default async function distributionBench({ container }: ExecArgs) {
  const started = nowMs()
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  const results: Record<string, unknown> = { params }
  log(`params ${JSON.stringify(params)}`)

  // The forest's shape, from the loader's scratch table (member i at depth d).
  const { rows: levels } = await knex.raw(
    `SELECT d, min(i)::int AS lo, max(i)::int AS hi FROM bench_forest_node GROUP BY d ORDER BY d`
  )
  const members = levels.reduce((n: number, l: any) => Math.max(n, l.hi), 0)
  const maxDepth = levels[levels.length - 1].d
  const randomIn = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo + 1))
  const randomMember = () => randomIn(1, members)
  /** A uniformly random member at depth ≥ minDepth (members are numbered by depth). */
  const randomMemberFrom = (minDepth: number) => randomIn(levels.find((l: any) => l.d >= minDepth)?.lo ?? 1, members)
  const membersAtDepth = (d: number) => levels.find((l: any) => l.d === d)
  async function describe(ids: number[]): Promise<Map<number, Member>> {
    const { rows } = await knex.raw(
      `SELECT f.i::int AS i, f.d, p.customer_id AS id, p.code FROM bench_forest_node f
         JOIN promoter p ON p.customer_id = 'cus_bench_' || f.i AND p.deleted_at IS NULL
        WHERE f.i = ANY(?::bigint[])`,
      [ids]
    )
    return new Map(rows.map((r: Member) => [r.i, r]))
  }
  const bigTeams = (
    await knex.raw(
      `SELECT customer_id, level1, level2, level3 FROM team_counter WHERE deleted_at IS NULL
        ORDER BY level1 + level2 + level3 DESC LIMIT 10`
    )
  ).rows

  // ---- Bind: the store route's workflow, then the service call it ends in.
  const total = params.warmup + params.binds
  const referrers = Array.from({ length: total * 2 }, randomMember)
  const known = await describe(referrers)
  const bindInputs = referrers.slice(0, total).map((r, k) => ({ customer_id: NEWCOMER(k + 1), referrer: known.get(r)! }))
  const serviceInputs = referrers.slice(total).map((r, k) => ({ customer_id: NEWCOMER(total + k + 1), referrer: known.get(r)! }))

  log(`binding ${total} newcomers through bindReferralCodeWorkflow…`)
  const bindWorkflow = (x: (typeof bindInputs)[number]) =>
    bindReferralCodeWorkflow(container).run({ input: { customer_id: x.customer_id, code: x.referrer.code, channel: "store" } })
  const bindCheck = (r: any, x: any) => {
    if (r.result?.referral?.referrer_id !== x.referrer.id) throw new Error(`bind of ${x.customer_id} failed: ${JSON.stringify(r.result)}`)
  }
  await timeEach(bindInputs.slice(0, params.warmup), bindWorkflow, bindCheck)
  const bindSamples = await timeEach(bindInputs.slice(params.warmup), bindWorkflow, bindCheck)
  const bound = bindInputs.slice(params.warmup)
  const byDepth = (lo: number, hi: number) =>
    latencySummary(bindSamples.filter((_, k) => bound[k].referrer.d >= lo && bound[k].referrer.d <= hi))

  log(`binding ${total} newcomers through service.changeReferrer…`)
  const serviceBind = (x: (typeof serviceInputs)[number]) =>
    service.changeReferrer({
      customer_id: x.customer_id,
      referrer_id: x.referrer.id,
      action: "bind",
      source: "code",
      code: x.referrer.code,
      expiry_days: null,
    })
  await timeEach(serviceInputs.slice(0, params.warmup), serviceBind)
  const serviceSamples = await timeEach(serviceInputs.slice(params.warmup), serviceBind, (r: any, x) => {
    if (!r.changed) throw new Error(`service bind of ${x.customer_id} did not change anything`)
  })

  // Where a bind's time goes: the statements one workflow bind sends, and for a few more
  // binds the time spent waiting for PostgreSQL (query sent → response) against the total.
  const statements: string[] = []
  const sent = new Map<string, number>()
  let dbMs = 0
  const onQuery = (q: { sql: string; __knexQueryUid: string }) => {
    statements.push(q.sql.replace(/\s+/g, " ").trim().slice(0, 100))
    sent.set(q.__knexQueryUid, nowMs())
  }
  const onResponse = (_: unknown, q: { __knexQueryUid: string }) => {
    const t = sent.get(q.__knexQueryUid)
    if (t !== undefined) dbMs += nowMs() - t
    sent.delete(q.__knexQueryUid)
  }
  const probes = Array.from({ length: PROBE_BINDS }, (_, k) => ({
    customer_id: NEWCOMER(2 * total + k + 1),
    referrer: known.get(referrers[k % referrers.length])!,
  }))
  ;(knex as any).on("query", onQuery).on("query-response", onResponse)
  let probeMs = 0
  try {
    for (const probe of probes) {
      const t = nowMs()
      await bindWorkflow(probe)
      probeMs += nowMs() - t
    }
  } finally {
    ;(knex as any).removeListener("query", onQuery).removeListener("query-response", onResponse)
  }
  const perBind = statements.length / probes.length
  results.bind = {
    workflow: latencySummary(bindSamples),
    workflow_referrer_depth_0_to_5: byDepth(0, 5),
    workflow_referrer_depth_20_plus: byDepth(20, maxDepth),
    service_change_referrer: latencySummary(serviceSamples),
    statements_per_workflow_bind: { count: perBind, statements: statements.slice(0, perBind) },
    time_split_per_workflow_bind: {
      binds: probes.length,
      total_ms: round(probeMs / probes.length),
      waiting_for_postgres_ms: round(dbMs / probes.length),
      rest_ms: round((probeMs - dbMs) / probes.length),
    },
  }

  // ---- Ancestor lookup: 2 levels (what commissions use) and the full chain of the deepest members.
  log(`ancestor lookups…`)
  const lookupIds = Array.from({ length: params.lookups }, () => MEMBER(randomMemberFrom(2)))
  await timeEach(lookupIds.slice(0, 50), (id) => getReferralAncestors(container, id, 2))
  const twoLevels = await timeEach(lookupIds, (id) => getReferralAncestors(container, id, 2), (r) => {
    if (r.length !== 2) throw new Error(`expected 2 ancestors, got ${r.length}`)
  })
  const deepest = membersAtDepth(maxDepth)!
  const deepIds = Array.from({ length: Math.min(params.lookups, 300) }, () => MEMBER(randomIn(deepest.lo, deepest.hi)))
  const fullChain = await timeEach(deepIds, (id) => getReferralAncestors(container, id, maxDepth), (r) => {
    if (r.length !== maxDepth) throw new Error(`expected ${maxDepth} ancestors, got ${r.length}`)
  })
  results.ancestors = { depth_2: latencySummary(twoLevels), [`full_chain_depth_${maxDepth}`]: latencySummary(fullChain) }

  // ---- Commission computation for one order: real orders (order module) of members at depth ≥ 2.
  log(`creating ${params.plan_orders} orders for the commission measurements…`)
  const orderModule = container.resolve(Modules.ORDER)
  const orderIds: string[] = []
  for (let n = 0; n < params.plan_orders; n += 50) {
    const batch = Array.from({ length: Math.min(50, params.plan_orders - n) }, () => {
      const buyer = MEMBER(randomMemberFrom(2))
      return {
        currency_code: "cny",
        customer_id: buyer,
        email: `${buyer}@bench.fission.test`,
        items: [
          { title: "899 Package", quantity: 1, unit_price: 899, product_id: "prod_bench_899", variant_id: "variant_bench_899" },
          { title: "Tea Gift Box", quantity: 2, unit_price: 99, product_id: "prod_bench_tea", variant_id: "variant_bench_tea" },
        ],
      }
    })
    const created = await orderModule.createOrders(batch as any)
    orderIds.push(...created.map((o: any) => o.id))
  }
  const runPlan = (order_id: string) => commissionPlanWorkflow(container).run({ input: { order_id } })
  await timeEach(orderIds.slice(0, 20), runPlan)
  let lines = 0
  const planSamples = await timeEach(orderIds, runPlan, (r: any) => {
    lines = r.result?.commissions?.length ?? 0
    if (!lines) throw new Error(`no commissions planned: ${JSON.stringify(r.result)}`)
  })
  const recordSamples = await timeEach(orderIds, (order_id) => recordOrderCommissionsWorkflow(container).run({ input: { order_id } }))
  results.commissions = {
    commission_lines_per_order: lines,
    plan_one_order: latencySummary(planSamples),
    record_one_order: latencySummary(recordSamples),
  }

  // ---- Team summary: the route handler itself, for random members and for the biggest teams.
  log(`team summaries…`)
  const summary = async (customerId: string) => {
    let body: any
    const res: any = { status: () => res, json: (b: unknown) => (body = b) }
    await teamSummaryRoute({ scope: container, auth_context: { actor_id: customerId }, validatedQuery: {} } as any, res)
    return body
  }
  const summaryIds = Array.from({ length: params.summaries }, () => MEMBER(randomMember()))
  await timeEach(summaryIds.slice(0, 50), summary)
  const randomSummaries = await timeEach(summaryIds, summary)
  const biggest = bigTeams[0]
  const bigSummaries = await timeEach(Array(params.big_team_calls).fill(biggest.customer_id), summary, (b: any) => {
    if (b.summary.counts.level1 !== biggest.level1) throw new Error("team summary disagrees with team_counter")
  })
  const top10 = await timeEach(
    bigTeams.flatMap((t: any) => Array(20).fill(t.customer_id)),
    summary
  )
  const countsOnly = await timeEach(Array(params.big_team_calls).fill(biggest.customer_id), (id) => service.listTeamCounters({ customer_id: id }))
  const month = { from: new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1)), to: new Date(Date.now() + 86_400_000) }
  const salesOnly = await timeEach(Array(params.big_team_calls).fill(biggest.customer_id), (id) => service.sumTeamSales(id, month, 2))
  const [teamPaidOrders] = (
    await knex.raw(
      `SELECT count(*)::int AS n FROM referral_ancestor a JOIN commission_order o ON o.buyer_id = a.descendant_id
        WHERE a.ancestor_id = ? AND a.depth <= 2 AND a.deleted_at IS NULL AND o.deleted_at IS NULL`,
      [biggest.customer_id]
    )
  ).rows
  results.team_summary = {
    random_members: latencySummary(randomSummaries),
    biggest_team: { team: biggest, paid_orders_of_levels_1_2: teamPaidOrders.n, route: latencySummary(bigSummaries) },
    ten_biggest_teams: latencySummary(top10),
    biggest_team_counts_only: latencySummary(countsOnly),
    biggest_team_sales_only: latencySummary(salesOnly),
  }

  // ---- Consistency: the loaded forest and the plugin's own binds agree with the closure.
  log(`consistency checks…`)
  const sample = [...Array.from({ length: 200 }, () => MEMBER(randomMember())), ...bound.slice(0, 50).map((b) => b.referrer.id)]
  const { rows: mismatches } = await knex.raw(
    `WITH s AS (SELECT DISTINCT unnest(?::text[]) AS id),
          c AS (SELECT s.id, count(*) FILTER (WHERE a.depth = 1) AS l1, count(*) FILTER (WHERE a.depth = 2) AS l2,
                       count(*) FILTER (WHERE a.depth = 3) AS l3
                  FROM s LEFT JOIN referral_ancestor a ON a.ancestor_id = s.id AND a.deleted_at IS NULL GROUP BY s.id)
     SELECT c.id FROM c LEFT JOIN team_counter t ON t.customer_id = c.id AND t.deleted_at IS NULL
      WHERE COALESCE(t.level1, 0) <> c.l1 OR COALESCE(t.level2, 0) <> c.l2 OR COALESCE(t.level3, 0) <> c.l3`,
    [sample]
  )
  const { rows: badPaths } = await knex.raw(
    `SELECT n.id FROM unnest(?::text[], ?::int[]) AS n(id, referrer_depth)
      WHERE (SELECT count(*) FROM referral_ancestor a WHERE a.descendant_id = n.id AND a.deleted_at IS NULL)
            <> LEAST(3, n.referrer_depth + 1)`,
    [bound.map((b) => b.customer_id), bound.map((b) => b.referrer.d)]
  )
  results.consistency = {
    team_counters_checked: new Set(sample).size,
    team_counter_mismatches: mismatches.length,
    new_binds_checked: bound.length,
    closure_mismatches: badPaths.length,
    ok: !mismatches.length && !badPaths.length,
  }
  results.forest = { members, max_depth: maxDepth, biggest_teams: bigTeams.slice(0, 3) }
  results.seconds = round((nowMs() - started) / 1000, 1)

  if (process.env.BENCH_OUT) fs.writeFileSync(process.env.BENCH_OUT, JSON.stringify(results, null, 2))
  else console.log(JSON.stringify(results, null, 2))
}
