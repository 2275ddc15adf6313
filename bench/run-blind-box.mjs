// `npm run bench:blind-box` (SPEC §7): on a real `medusa start` server with every plugin,
// (a) opens per second on one hot campaign (1,000 opens, BENCH_CONCURRENCY shoppers at once),
// (b) opens per second across BENCH_CAMPAIGNS campaigns of the SPEC template (24 boxes), each
// opened until won, (c) a burst of BENCH_BURST open requests at once on one SPEC campaign:
// p50/p99 of all answers, of the opens and of the refusals, and the invariants afterwards
// (one winner at the committed position, nothing after it). See bench/README.md ("Blind box").
import http from "node:http"
import os from "node:os"
import path from "node:path"
import { latencySummary, loginAdmin, startServer } from "./lib/checkout.mjs"
import { endRun, fmt, intParam as int, latencyHeader, latencyRow as row, medusaExec, printHeading, resultOf, startRun, writeResult } from "./lib/runner.mjs"

const BENCH_DB = "fission_bench_blind_box"
const params = {
  concurrency: Math.max(1, int("BENCH_CONCURRENCY", 32)),
  campaigns: Math.max(1, int("BENCH_CAMPAIGNS", 100)),
  burst: Math.max(1, int("BENCH_BURST", 1000)),
  shoppers: Math.max(20, int("BENCH_SHOPPERS", 200)),
}
const PORT = int("BENCH_PORT", 9347)
const run = await startRun({ pgName: "pg-bench-blind-box", portVar: "FISSION_BENCH_BLIND_BOX_PG_PORT", defaultPort: 15447, database: BENCH_DB })
const { log, env } = run
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })

/** One request over the keep-alive agent: { status, body, ms }. */
function request(base, method, p, headers, body) {
  const started = performance.now()
  const data = body === undefined ? undefined : JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = http.request(base + p, { method, agent, headers: { "content-type": "application/json", ...headers } }, (res) => {
      let text = ""
      res.on("data", (d) => (text += d))
      res.on("end", () => resolve({ status: res.statusCode, body: text ? JSON.parse(text) : {}, ms: performance.now() - started }))
    })
    req.on("error", reject)
    if (data) req.write(data)
    req.end()
  })
}

const headersOf = (store, s) => ({ authorization: `Bearer ${s.token}`, "x-publishable-api-key": store.publishable_key })

async function initiate(base, store, who, template_id) {
  const r = await request(base, "POST", "/store/fission/blind-boxes", headersOf(store, who), { template_id })
  if (r.status !== 201) throw new Error(`initiate → ${r.status} ${JSON.stringify(r.body)}`)
  return r.body.blind_box
}

/** Shoppers open `boxes` (ids) at `concurrency` until every one is won; per-open latency. */
async function openUntilWon(base, store, shoppers, boxes, concurrency) {
  const left = new Set(boxes)
  const samples = []
  let opened = 0
  let refused = 0
  let i = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left.size) {
        const ids = [...left]
        const id = ids[Math.floor(Math.random() * ids.length)]
        const who = shoppers[i++ % shoppers.length]
        const r = await request(base, "POST", `/store/fission/blind-boxes/${id}/opens`, headersOf(store, who), {})
        if (r.status === 201) {
          opened++
          samples.push(r.ms)
          if (r.body.blind_box.status === "won") left.delete(id)
        } else if (r.status === 400 && /after the win/.test(r.body.message)) {
          left.delete(id)
          refused++
        } else if (r.status === 400 && /being paid for/.test(r.body.message)) {
          refused++
        } else throw new Error(`open → ${r.status} ${JSON.stringify(r.body)}`)
      }
    })
  )
  const seconds = (performance.now() - started) / 1000
  return { opens: opened, refused, seconds: Math.round(seconds * 10) / 10, opens_per_s: Math.round((opened / seconds) * 10) / 10, latency: latencySummary(samples) }
}

let code = 0
let server = null
try {
  log("store fixture, admin and shoppers (medusa exec bench/lib/setup-store.ts)…")
  const store = await medusaExec("bench/lib/setup-store.ts", { ...env, BENCH_SHOPPERS: String(params.shoppers) })
  log("funding shoppers, templates (medusa exec bench/blind-box/setup.ts)…")
  const setup = await medusaExec("bench/blind-box/setup.ts", env)
  server = await startServer({ name: "all plugins", port: PORT, env, logFile: path.join(os.tmpdir(), "fission-bench-blind-box.log") })
  const adminHeaders = await loginAdmin(server.base, store.admin.email, store.password)
  const shoppers = store.shoppers

  log(`(a) one hot campaign: 1,000 opens, ${params.concurrency} at a time`)
  const hotBox = await initiate(server.base, store, shoppers[0], setup.hot_template_id)
  const hot = await openUntilWon(server.base, store, shoppers.slice(1), [hotBox.id], params.concurrency)

  log(`(b) ${params.campaigns} campaigns of the SPEC template, ${params.concurrency} opens at a time`)
  const initiators = shoppers.slice(0, params.campaigns)
  const boxes = []
  for (let k = 0; k < params.campaigns; k++) boxes.push((await initiate(server.base, store, initiators[k % initiators.length], setup.spec_template_id)).id)
  const many = await openUntilWon(server.base, store, shoppers, boxes, params.concurrency)

  log(`(c) ${params.burst} open requests at once on one SPEC campaign`)
  const burstBox = await initiate(server.base, store, shoppers[0], setup.spec_template_id)
  const started = performance.now()
  const answers = await Promise.all(
    Array.from({ length: params.burst }, (_, k) =>
      request(server.base, "POST", `/store/fission/blind-boxes/${burstBox.id}/opens`, headersOf(store, shoppers[1 + (k % (shoppers.length - 1))]), {}).catch((e) => ({ status: e.code, body: {}, ms: performance.now() - started }))
    )
  )
  const burst_seconds = Math.round(((performance.now() - started) / 1000) * 10) / 10
  const opens = answers.filter((a) => a.status === 201)
  const state = (await request(server.base, "GET", `/admin/fission/blind-boxes/${burstBox.id}`, adminHeaders)).body.blind_box
  const numbered = state.opens.filter((o) => o.number !== null)
  const invariants = {
    won: state.status === "won",
    winning_open: state.winning_open,
    prize_position: state.prize_position,
    opens_answered_201: opens.length,
    numbered_opens: numbered.length,
    winners: numbered.filter((o) => o.status === "won").length,
    other_statuses: [...new Set(answers.filter((a) => a.status !== 201 && a.status !== 400).map((a) => a.status))],
    verification: state.verification?.valid ?? null,
  }
  invariants.ok =
    invariants.won && invariants.winners === 1 && numbered.length === state.prize_position && opens.length === numbered.length &&
    invariants.other_statuses.length === 0 && invariants.verification === true
  const rec = (await request(server.base, "GET", "/admin/fission/ledger/reconciliation", adminHeaders)).body.reconciliation
  const burst = {
    requests: params.burst,
    seconds: burst_seconds,
    all: latencySummary(answers.map((a) => a.ms)),
    opens: latencySummary(opens.map((a) => a.ms)),
    refused: latencySummary(answers.filter((a) => a.status === 400).map((a) => a.ms)),
    invariants,
    reconciliation_ok: rec.ok,
  }

  const result = await resultOf(run, { params, dirs: ["plugins/blind-box"], figures: { hot_campaign: hot, campaigns: { count: params.campaigns, ...many }, burst } })
  printHeading("Blind-box benchmark", result)
  console.log(`  (a) one hot campaign: ${hot.opens} opens in ${hot.seconds} s = ${fmt(hot.opens_per_s)} opens/s (${params.concurrency} at a time)`)
  console.log(`  (b) ${params.campaigns} campaigns: ${many.opens} opens in ${many.seconds} s = ${fmt(many.opens_per_s)} opens/s`)
  console.log(`  (c) burst of ${params.burst}: ${burst_seconds} s; ${opens.length} opened (won at ${state.winning_open}), ${answers.filter((a) => a.status === 400).length} refused; invariants ${invariants.ok ? "ok" : "VIOLATED"}, reconciliation ${rec.ok ? "ok" : "FAILED"}`)
  latencyHeader()
  row("hot campaign, per open", hot.latency)
  row("100 campaigns, per open", many.latency)
  row("burst, every answer", burst.all)
  row("burst, opens", burst.opens)
  row("burst, refusals", burst.refused)
  log(`figures written to ${writeResult("blind-box", result)} (${result.duration_s} s in all)`)
  if (!invariants.ok || !rec.ok) code = 1
} catch (e) {
  console.error(e.stack ?? e.message)
  code = 1
} finally {
  agent.destroy()
  await server?.stop()
  await endRun(run)
}
process.exit(code)
