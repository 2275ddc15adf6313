// Runs inside Medusa (`medusa exec`, started by bench/run-presale.mjs). Participants are numbered
// through @fission/presale's own workflows (joinPresaleOrderWorkflow + processPresaleCampaign,
// what the `fission.order.paid` subscriber runs), on real Medusa orders created with the order
// module (no payment: the bench measures the pre-sale engine up to core's refund requests, not
// Medusa's payment provider). Writes its figures as JSON to BENCH_OUT.
import { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import fs from "node:fs"
import { performance } from "node:perf_hooks"
import { createPresaleCampaignWorkflow, joinPresaleOrderWorkflow, processPresaleCampaign, closePresaleCampaign } from "@fission/presale/workflows"
import { createStoreFixture } from "../../src/lib/store-fixture"

const N = Number(process.env.BENCH_PARTICIPANTS || 10_000)
const CONC = Number(process.env.BENCH_CONCURRENCY || 4)
const log = (m: string) => console.log(`[bench] ${m}`)

export default async function presaleEngine({ container }: ExecArgs) {
  const fixture = await createStoreFixture(container)
  const product = fixture.products["navel-oranges-10-jin"]
  const orderModule: any = container.resolve(Modules.ORDER)
  const presale: any = container.resolve("fission_presale")
  const refunds: any = container.resolve("fission_refund_request")

  const makeOrders = async (n: number, tag: string) => {
    const ids: string[] = []
    for (let i = 0; i < n; i += 500) {
      const batch = Array.from({ length: Math.min(500, n - i) }, (_, j) => ({
        currency_code: "cny",
        email: `bench-${tag}-${i + j}@fission.test`,
        customer_id: `cus_bench_${tag}_${i + j}`,
        region_id: fixture.region_id,
        items: [{ title: "Navel oranges", quantity: 1, unit_price: 100, variant_id: product.variant_id }],
      }))
      const created = await orderModule.createOrders(batch)
      ids.push(...created.map((o: any) => o.id))
    }
    return ids
  }

  const campaign = async (timing: "each_step" | "at_close") => {
    const { result } = await createPresaleCampaignWorkflow(container).run({
      input: {
        title: `bench ${timing}`,
        variant_id: product.variant_id,
        currency_code: "cny",
        base_price: "100",
        step_amount: "5",
        step_interval: 1000,
        max_steps: 10,
        free_interval: 25,
        max_participants: N,
        ends_at: new Date(Date.now() + 86_400_000).toISOString(),
        refund_timing: timing,
        status: "active",
      },
    })
    return result
  }

  const orderOf = (id: string, campaign_id: string, paid: string, n: number) =>
    ({
      id,
      customer_id: `cus_bench_${n}`,
      canceled: false,
      lines: [{ id: `line_${id}`, campaign: { kind: "presale", campaign_id }, paid, metadata: { client_seed: `seed-${n}` } }],
    }) as any

  /** Joins participants from..to (1-based), CONC at a time, each through the join workflow and the campaign processing. */
  const joinRange = async (c: any, orders: string[], from: number, to: number, price: (n: number) => string) => {
    const times: number[] = []
    let next = from
    const worker = async () => {
      while (next <= to) {
        const n = next++
        const t = performance.now()
        const { result } = await joinPresaleOrderWorkflow(container).run({ input: { order: orderOf(orders[n - 1], c.id, price(n), n) } })
        const drawDue = result?.number && result.number % 25 === 0
        const tierDue = result?.number && result.number % 1000 === 0
        // exactly what processPaidPresaleOrder does: a narrowed pass unless a tier or a draw is due
        await processPresaleCampaign(container as any, c.id, drawDue || tierDue ? null : [result!.participant_id!])
        times.push(performance.now() - t)
      }
    }
    await Promise.all(Array.from({ length: CONC }, worker))
    times.sort((a, b) => a - b)
    return { n: times.length, p50: times[Math.floor(times.length / 2)], p99: times[Math.floor(times.length * 0.99)], max: times[times.length - 1] }
  }

  const priceAt = (n: number) => String(100 - 5 * Math.min(10, Math.floor((n - 1) / 1000)))
  const requestsOf = async (id: string) => (await refunds.listAndCountRefundRequests({ source_id: id }, { take: 1 }))[1]

  const figures: any = { participants: N, concurrency: CONC }

  // each_step: joiners 1..N, the crossings at 2,000 and 10,000 timed on their own
  const eachStep = await campaign("each_step")
  log(`creating ${N} orders…`)
  const orders = await makeOrders(N, "es")
  const crossings: Record<string, any> = {}
  let done = 0
  const t0 = performance.now()
  for (const crossing of [2000, N]) {
    if (crossing > N) continue
    const before = await joinRange(eachStep, orders, done + 1, crossing - 1, priceAt)
    log(`joined ${crossing - 1} (p50 ${before.p50.toFixed(1)} ms per join)`)
    const t = performance.now()
    const { result } = await joinPresaleOrderWorkflow(container).run({ input: { order: orderOf(orders[crossing - 1], eachStep.id, priceAt(crossing), crossing) } })
    const processed = await processPresaleCampaign(container as any, eachStep.id, null)
    crossings[String(crossing)] = {
      ms: performance.now() - t,
      refunds_planned: processed.planned,
      refund_requests_created: processed.dispatched,
      joins_before: before,
      number: result?.number,
    }
    log(`crossing at ${crossing}: ${crossings[String(crossing)].ms.toFixed(0)} ms, ${processed.dispatched} refund requests`)
    done = crossing
  }
  figures.each_step = { total_join_s: (performance.now() - t0) / 1000, crossings }
  figures.each_step.totals = await presale.campaignTotals(eachStep.id)

  // at_close: N joiners, then the close (draws already done, one refund per participant)
  const atClose = await campaign("at_close")
  const orders2 = await makeOrders(N, "ac")
  const joins = await joinRange(atClose, orders2, 1, N, priceAt)
  await presale.updatePresaleCampaigns({ id: atClose.id, ends_at: new Date(Date.now() - 1000) })
  const t1 = performance.now()
  const closed = await closePresaleCampaign(container as any, atClose.id, "close", "bench")
  figures.at_close = { joins, close_ms: performance.now() - t1, refunds_planned: closed.planned, refund_requests_created: closed.dispatched }
  log(`at_close: close ${figures.at_close.close_ms.toFixed(0)} ms for ${closed.dispatched} refund requests`)
  figures.at_close.totals = await presale.campaignTotals(atClose.id)
  figures.refund_request_count = await requestsOf(eachStep.id)
  fs.writeFileSync(process.env.BENCH_OUT!, JSON.stringify(figures, null, 2))
}
