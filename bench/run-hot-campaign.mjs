// `npm run bench:hot-campaign` (issue 12, "Hot campaigns at full speed"): on the production
// topology (2 servers + 2 workers of this repository on one PostgreSQL database and the run's
// own redis-server, from the cluster suite's helpers), side by side in one run at the same
// concurrency: (a) BENCH_BUYERS buyers at once of an ordinary stock-managed product (plain
// Medusa checkout: complete + capture) and (b) as many buyers at once of one group-draw
// campaign on a stock-managed variant (complete + capture, then seated by the workers);
// throughput, latency, every HTTP status, the seat invariants. Then (c) the settlement of
// one group of BENCH_SETTLE_N members (N − 1 losers) by both workers. See bench/README.md
// ("Hot campaigns on the cluster").
import os from "node:os"
import path from "node:path"
import { loginAdmin } from "./lib/checkout.mjs"
import { eventQueueDrained, portsParam, startCluster } from "./lib/cluster.mjs"
import { endRun, fmt, intParam as int, latencyHeader, latencyRow as row, medusaExec, printHeading, resultOf, startRun, writeResult } from "./lib/runner.mjs"
import { createCampaign } from "./group-draw/buyers.mjs"
import { burst, prepareCarts } from "./hot-campaign/burst.mjs"
import { seatsAfterBurst } from "./hot-campaign/seats.mjs"
import { settleLargeGroup } from "./hot-campaign/settle-group.mjs"

const BENCH_DB = "fission_bench_hot_campaign"
const params = {
  buyers: Math.max(1, int("BENCH_BUYERS", 200)),
  // rounds of (a) and (b); the order alternates (a b, b a, …) so drift in the machine's load hits both alike
  rounds: Math.max(1, int("BENCH_ROUNDS", 1)),
  hot_size: Math.max(2, int("BENCH_HOT_SIZE", 10)),
  hot_winners: Math.max(1, int("BENCH_HOT_WINNERS", 1)),
  settle_n: int("BENCH_SETTLE_N", 500),
  setup_concurrency: Math.max(1, int("BENCH_SETUP_CONCURRENCY", 8)),
  attempts: Math.max(1, int("BENCH_ATTEMPTS", 10)),
  lock_wait_s: process.env.FISSION_LOCK_WAIT_SECONDS || "60 (medusa-config.ts default)",
}
if (params.hot_winners >= params.hot_size) throw new Error("BENCH_HOT_WINNERS must be < BENCH_HOT_SIZE")
if (params.settle_n === 1) throw new Error("BENCH_SETTLE_N must be 0 (skip) or ≥ 2")
const serverPorts = portsParam("BENCH_SERVER_PORTS", "9331,9332", 2)
const workerPorts = portsParam("BENCH_WORKER_PORTS", "9333,9334", 2)
const redisPort = int("BENCH_REDIS_PORT", 6393)
const run = await startRun({ pgName: "pg-bench-hot-campaign", portVar: "FISSION_BENCH_HOT_PG_PORT", defaultPort: 15479, database: BENCH_DB })
const { log, url, env } = run
const logDir = path.join(os.tmpdir(), `fission-bench-hot-campaign-${process.pid}`)

const ratio = (b, a) => (a ? Math.round((b / a) * 1000) / 1000 : null)

function printTable(r) {
  printHeading("Hot-campaign benchmark (2 servers + 2 workers, Redis)", r)
  for (const [i, round] of r.rounds.entries()) {
    console.log(`  round ${i + 1}: ${r.params.buyers} buyers at once`)
    for (const side of round.order) {
      const x = round[side]
      console.log(
        `    ${side.padEnd(9)} ${x.paid}/${x.buyers} paid in ${x.seconds} s = ${x.paid_per_s} paid/s; 5xx ${x.http_5xx}, 429 ${x.http_429}, first attempt ${x.paid_first_attempt}; CPU % of a core ${JSON.stringify(x.cpu.pct_of_one_core)}, machine ${x.cpu.machine_busy_pct} % busy`
      )
    }
    latencyHeader()
    row("    plain: complete + capture", round.plain.complete_plus_capture)
    row("    campaign: complete + capture", round.campaign.complete_plus_capture)
    row("      campaign: complete", round.campaign.complete_cart)
    row("      campaign: capture", round.campaign.capture)
    const s = round.campaign.seats
    console.log(
      `    campaign/plain throughput ${round.ratio_campaign_vs_plain} (target ≥ 0.9); seated ${s.after_burst_s.all_seated} s and settled ${s.after_burst_s.all_settled} s after the burst; ${s.invariants.groups} groups, max ${s.invariants.max_members} members, ${s.invariants.groups_over_n} over N, ${s.invariants.orders_seated}/${round.campaign.paid} seated, ${s.invariants.orders_seated_twice} twice: ${s.invariants.ok ? "ok" : "VIOLATED"}`
    )
  }
  const c = r.settlement
  if (c) {
    console.log(
      `\n  (c) settlement N = ${c.size}: capture → all ${c.losers} refunds ${fmt(c.captured_to_all_refunds_ms)} ms (target < 30,000), → completed ${fmt(c.captured_to_completed_ms)} ms, ${c.refunds_per_s} refunds/s; CPU % of a core ${JSON.stringify(c.cpu_until_all_refunds.pct_of_one_core)}; setup ${c.setup.seconds} s; check ${c.medusa_check.ok ? "ok" : "FAILED"}`
    )
  }
  console.log("")
}

let code = 0
let cluster = null
try {
  const perRound = 2 * params.buyers
  const shopperCount = params.rounds * perRound + params.settle_n
  log(`store fixture, admin and ${shopperCount} shoppers (bench/lib/setup-store.ts) while the cluster starts…`)
  cluster = await startCluster({
    env,
    serverPorts,
    workerPorts,
    redisPort,
    logDir,
    log,
    prepare: () => medusaExec("bench/lib/setup-store.ts", { ...env, BENCH_SHOPPERS: String(shopperCount) }),
  })
  const store = cluster.prepared
  const client = cluster.client(store.publishable_key)
  const processes = [...cluster.servers, ...cluster.workers]
  const adminHeaders = await loginAdmin(cluster.servers[0].base, store.admin.email, store.password)
  const plainProduct = store.products["red-date-snack-pack"]
  const tea = store.products["tea-gift-box"]

  const rounds = []
  for (let i = 0; i < params.rounds; i++) {
    const people = store.shoppers.slice(i * perRound, (i + 1) * perRound)
    const order = i % 2 ? ["campaign", "plain"] : ["plain", "campaign"]
    const campaign = await createCampaign(cluster.servers[0].base, adminHeaders, store, {
      title: `Hot campaign ${i + 1}`,
      group_size: params.hot_size,
      winners: params.hot_winners,
      loser_reward: "10",
    })
    const sides = {
      plain: { shoppers: people.slice(0, params.buyers), items: () => [{ variant_id: plainProduct.variant_id, quantity: 1 }] },
      campaign: {
        shoppers: people.slice(params.buyers),
        items: (s) => [{ variant_id: tea.variant_id, quantity: 1, metadata: { group_draw_campaign_id: campaign.id, client_seed: `bench-${s.customer_id}` } }],
      },
    }
    const out = { order }
    for (const side of order) {
      const { shoppers, items } = sides[side]
      log(`round ${i + 1} ${side}: preparing ${shoppers.length} carts (${params.setup_concurrency} at a time, servers alternating)…`)
      const carts = await prepareCarts({ client, store, shoppers, items, concurrency: params.setup_concurrency })
      const drained = await eventQueueDrained(cluster.redis.client)
      log(`round ${i + 1} ${side}: ${shoppers.length} buyers complete and pay at once (event queue drained ${drained} s before)…`)
      const figures = await burst({ client, store, adminHeaders, shoppers, carts, attempts: params.attempts, processes })
      const { order_ids, ...kept } = figures
      const l = figures.complete_plus_capture
      log(
        `round ${i + 1} ${side}: ${figures.paid}/${figures.buyers} paid in ${figures.seconds} s (${figures.paid_per_s}/s), 5xx ${figures.http_5xx}, 429 ${figures.http_429}; complete + capture p50 ${l.p50_ms} ms, p99 ${l.p99_ms} ms; CPU ${JSON.stringify(figures.cpu)}`
      )
      out[side] = kept
      if (side === "campaign") {
        out.campaign.campaign_id = campaign.id
        out.campaign.seats = await seatsAfterBurst({ url, campaignId: campaign.id, orderIds: order_ids })
      }
      out[side].background_drained_s = await eventQueueDrained(cluster.redis.client)
    }
    out.ratio_campaign_vs_plain = ratio(out.campaign.paid_per_s, out.plain.paid_per_s)
    out.ratio_p50_campaign_vs_plain = ratio(out.campaign.complete_plus_capture.p50_ms, out.plain.complete_plus_capture.p50_ms)
    rounds.push(out)
  }

  const settlement = params.settle_n
    ? await settleLargeGroup({
        client,
        url,
        store,
        adminHeaders,
        shoppers: store.shoppers.slice(params.rounds * perRound),
        size: params.settle_n,
        concurrency: params.setup_concurrency,
        attempts: params.attempts,
        processes,
        log,
      })
    : null

  const result = await resultOf(run, {
    params,
    dirs: ["plugins", "medusa-config.ts", "bench"],
    figures: {
      topology: { servers: cluster.servers.map((s) => s.port), workers: cluster.workers.map((w) => w.port), redis: cluster.redis.url, redis_own: cluster.redis.own },
      rounds,
      settlement,
      targets: {
        throughput_ratio_min: 0.9,
        throughput_ratio: rounds.map((r) => r.ratio_campaign_vs_plain),
        campaign_5xx: rounds.map((r) => r.campaign.http_5xx),
        settlement_under_30_s: settlement ? settlement.captured_to_all_refunds_ms < 30_000 : null,
      },
    },
  })
  printTable(result)
  log(`figures written to ${writeResult("hot-campaign", result)} (${result.duration_s} s in all)`)
  if (rounds.some((r) => !r.campaign.seats.invariants.ok || r.campaign.paid !== r.campaign.buyers) || settlement?.medusa_check.ok === false) code = 1
} catch (e) {
  console.error(e.stack ?? e.message)
  code = 1
} finally {
  await cluster?.stop({ failed: code !== 0 })
  await endRun(run)
}
process.exit(code)
