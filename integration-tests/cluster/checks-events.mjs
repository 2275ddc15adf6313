// Events through Redis to the workers: servers run no subscribers
// (MEDUSA_WORKER_MODE=server), so every posting an order earns was made by a worker.
// The effects are counted in the ledger (postings per order and reason), not in logs.
import assert from "node:assert/strict"
import fs from "node:fs"
import { query } from "../../scripts/lib/database.mjs"
import { pool } from "./until.mjs"
import { captureOrder, completeCart, prepareCart } from "../../bench/lib/checkout.mjs"
import { crash } from "./processes.mjs"

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** { order_id: { reason: count } } of the postings whose source is one of the orders. */
export async function postingsOf(url, orderIds) {
  const rows = await query(
    url,
    `SELECT source_id AS order_id, reason, COUNT(*)::int AS n FROM ledger_posting
      WHERE source_id = ANY($1) AND deleted_at IS NULL GROUP BY 1, 2`,
    [orderIds]
  )
  const by = Object.fromEntries(orderIds.map((id) => [id, {}]))
  for (const r of rows) by[r.order_id][r.reason] = r.n
  return by
}

export function eventChecks({ client, store, url, servers, workers, log }) {
  const [A, B] = servers
  const buyers = store.buyers.map((b) => ({ ...b, headers: client.shopper(b.token) }))
  const fixture = { region_id: store.region_id, variant_id: store.variant_id }
  /** A cart prepared on one server, completed on the other; returns the order id. */
  const place = async (buyer, i) => {
    const [first, second] = i % 2 ? [B, A] : [A, B]
    const cartId = await prepareCart(first.base, buyer.headers, fixture)
    return completeCart(second.base, buyer.headers, cartId)
  }
  const capture = (orderId, i) => captureOrder((i % 2 ? A : B).base, store.adminHeaders, orderId)
  const reconciled = async () => assert.equal((await client.ok("GET", "/admin/fission/ledger/reconciliation", store.adminHeaders)).reconciliation.ok, true)
  /** Waits until every order has its points posting (the last effect of a paid order). */
  const settled = async (orderIds, timeoutMs) => {
    const deadline = Date.now() + timeoutMs
    while (true) {
      const by = await postingsOf(url, orderIds)
      const missing = orderIds.filter((id) => !by[id]["points.order_paid"] || !by[id]["commission.level1"])
      if (!missing.length) return by
      if (Date.now() > deadline) throw new Error(`${missing.length}/${orderIds.length} orders still lack their postings: ${JSON.stringify(by[missing[0]])}`)
      await sleep(250)
    }
  }
  let expected = null // the postings of one order when nothing fails, learned by the first check

  return [
    {
      name: "4 orders placed and captured across both servers: each order's postings made once, by the workers",
      run: async () => {
        const orders = await pool(buyers.slice(0, 4), 4, place)
        await Promise.all(orders.map(capture))
        const by = await settled(orders, 60_000)
        await sleep(2000) // late duplicates would show now
        const again = await postingsOf(url, orders)
        expected = again[orders[0]]
        log(`    postings of one order: ${JSON.stringify(expected)}`)
        assert.equal(expected["points.order_paid"], 1)
        assert.equal(expected["commission.level1"], 1)
        for (const id of orders) assert.deepEqual(again[id], expected, `order ${id}`)
        assert.deepEqual(again, by)
        await reconciled()
      },
    },
    {
      name: "kill -9 of a worker while 12 captures' events flow: the other worker applies every effect exactly once",
      run: async () => {
        assert.ok(expected, "needs the previous check")
        const orders = await pool(buyers.slice(4, 16), 4, place)
        // crash worker 1 the moment its log shows it started a paid-order event of this batch
        // (Medusa's Redis event bus logs "Processing <event>" as a job begins): that job is in flight
        const started = () => (fs.readFileSync(workers[0].logFile, "utf8").match(/Processing fission\.order\.paid/g) ?? []).length
        const before = started()
        let capturesDone = false
        const capturing = pool(orders, 4, capture).finally(() => (capturesDone = true))
        const deadline = Date.now() + 60_000
        while (started() === before && !(capturesDone && Date.now() > deadline)) await sleep(20)
        const inFlight = started() > before
        await crash(workers[0])
        const by = await postingsOf(url, orders)
        const pointsAtKill = orders.filter((id) => by[id]["points.order_paid"]).length
        await capturing
        log(`    ${workers[0].name} killed ${inFlight ? "while processing a fission.order.paid event" : "(it had taken no event of the batch)"}; ${pointsAtKill}/${orders.length} orders had their points just after`)
        assert.ok(inFlight, `${workers[0].name} took no fission.order.paid event of the batch within 60 s`)
        assert.equal(workers[1].exit, null, `${workers[1].name} is still running`)
        // bull hands a crashed worker's active jobs to another after its stalled check (30 s)
        await settled(orders, 150_000)
        await sleep(2000)
        const after = await postingsOf(url, orders)
        for (const id of orders) assert.deepEqual(after[id], expected, `order ${id}`)
        await reconciled()
      },
    },
  ]
}
