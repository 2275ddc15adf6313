// Pre-sales across the cluster. The threshold race of presale-race.spec.ts, its requests
// alternating between the servers and its numbering, draws and refunds done by the two
// workers (fission.order.paid); then a cancel of that campaign — a full-refund fan-out of
// every participant through core's refund requests, attempted on the workers — with both
// workers killed (`kill -9`) in the middle of it: a restarted worker finishes it, and every
// order ends refunded exactly what it paid, counted in Medusa's refunds and core's requests.
import assert from "node:assert/strict"
import { query } from "../../scripts/lib/database.mjs"
import { crash } from "./processes.mjs"
import { pages, until } from "./until.mjs"

const SHIPPING = { first_name: "P", last_name: "S", address_1: "1 Orchard Road", city: "Ganzhou", country_code: "cn", postal_code: "341000" }

export function presaleChecks({ client, store, url, workers, restartWorker, log }) {
  const { ok, shopper } = client
  const admin = () => store.adminHeaders
  // shoppers 300..325 (setup-store makes 400; other checks use lower ones)
  const people = store.shoppers.slice(300, 326).map((s) => ({ ...s, headers: shopper(s.token) }))
  const product = store.products["navel-oranges-10-jin"]
  let raced = null // { presale, participants } of the race, canceled by the fault check

  /** A cart with the pre-sale line (at the tier price), completed: { orderId, price }; each request to the next server. */
  const prepare = async (who, presaleId) => {
    const { cart } = await ok("POST", "/store/carts", who.headers, { region_id: store.region_id })
    const added = await ok("POST", `/store/fission/presales/${presaleId}/line-items`, who.headers, { cart_id: cart.id, client_seed: `s-${who.customer_id}` })
    await ok("POST", `/store/carts/${cart.id}`, who.headers, { shipping_address: SHIPPING })
    const { shipping_options } = await ok("GET", `/store/shipping-options?cart_id=${cart.id}`, who.headers)
    await ok("POST", `/store/carts/${cart.id}/shipping-methods`, who.headers, { option_id: shipping_options[0].id })
    const { payment_collection } = await ok("POST", "/store/payment-collections", who.headers, { cart_id: cart.id })
    await ok("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, who.headers, { provider_id: "pp_system_default" })
    const done = await ok("POST", `/store/carts/${cart.id}/complete`, who.headers, {})
    if (done.type !== "order") throw new Error(`cart ${cart.id} did not complete: ${JSON.stringify(done.error)}`)
    return { orderId: done.order.id, price: Number(added.cart.items[0].unit_price) }
  }
  const capture = async (orderId) => {
    const { order } = await ok("GET", `/admin/orders/${orderId}?fields=id,*payment_collections.payments`, admin())
    for (const c of order.payment_collections) for (const p of c.payments) if (!p.captured_at) await ok("POST", `/admin/payments/${p.id}/capture`, admin(), {})
  }
  const detail = async (id) => (await ok("GET", `/admin/fission/presales/${id}`, admin())).presale
  const participants = async (id) => (await ok("GET", `/admin/fission/presales/${id}/participants?limit=100`, admin())).participants
  const refundRequests = (id) =>
    pages(async (offset) => {
      const r = await ok("GET", `/admin/fission/refund-requests?source_type=presale.campaign&source_id=${id}&limit=100&offset=${offset}`, admin())
      return { rows: r.refund_requests, count: r.count }
    })
  /** An order's captured amount and its Medusa refunds (from the Admin API). */
  const moneyOf = async (orderId) => {
    const { order } = await ok("GET", `/admin/orders/${orderId}?fields=id,status,*payment_collections.payments,*payment_collections.payments.refunds`, admin())
    const payments = order.payment_collections.flatMap((c) => c.payments)
    return {
      status: order.status,
      captured: payments.reduce((s, p) => s + Number(p.amount), 0),
      refunds: payments.flatMap((p) => p.refunds ?? []).map((r) => Number(r.amount)),
    }
  }
  const reconciled = async () => assert.equal((await ok("GET", "/admin/fission/ledger/reconciliation", admin())).reconciliation.ok, true, "ledger reconciliation")

  return [
    {
      name: "pre-sale: 20 captures at once across two thresholds → numbers unique and gapless, tier 90, 2 draws, refunds exact (presale-race.spec.ts)",
      run: async () => {
        const { presale } = await ok("POST", "/admin/fission/presales", admin(), {
          title: "Cluster race",
          variant_id: product.variant_id,
          currency_code: "cny",
          base_price: 100,
          step_amount: 5,
          step_interval: 10,
          max_steps: 10,
          free_interval: 10,
          ends_at: new Date(Date.now() + 86_400_000).toISOString(),
          status: "active",
        })
        // 6 join one after another (each numbered by a worker before the next)
        for (const [i, who] of people.slice(0, 6).entries()) {
          const { orderId } = await prepare(who, presale.id)
          await capture(orderId)
          await until(async () => (await detail(presale.id)).participants === i + 1, { timeoutMs: 60_000, what: `participant ${i + 1}` })
        }
        // 20 more check out at 100 while the count is 6 (5 at a time: nothing is captured meanwhile,
        // so the tier cannot move), then all 20 payments are captured at once
        const orders = []
        const later = people.slice(6)
        for (let i = 0; i < later.length; i += 5) {
          for (const { orderId, price } of await Promise.all(later.slice(i, i + 5).map((who) => prepare(who, presale.id)))) {
            assert.equal(price, 100)
            orders.push(orderId)
          }
        }
        const t = Date.now()
        await Promise.all(orders.map(capture))
        const final = await until(async () => {
          const p = await detail(presale.id)
          return p.participants === 26 && p.free_orders_drawn === 2 ? p : null
        }, { timeoutMs: 180_000, what: "26 participants and 2 free orders" })
        log(`    20 captures numbered and both rounds drawn ${((Date.now() - t) / 1000).toFixed(1)} s after the captures`)
        assert.deepEqual([final.current_price, final.level], [90, 2])
        const list = await participants(presale.id)
        assert.deepEqual(list.map((p) => p.number), Array.from({ length: 26 }, (_, i) => i + 1))
        assert.equal(new Set(list.map((p) => p.order_id)).size, 26)

        // everyone paid 100: non-winners are owed 10 (two steps), the 2 winners 100
        const requests = await until(async () => {
          const rs = await refundRequests(presale.id)
          return rs.length && rs.every((r) => r.status === "succeeded") && rs.reduce((s, r) => s + Number(r.refunded_amount), 0) >= 440 ? rs : null
        }, { timeoutMs: 240_000, what: "refund requests succeeded", everyMs: 500 })
        assert.equal(requests.reduce((s, r) => s + Number(r.refunded_amount), 0), 24 * 10 + 2 * 100)
        const winners = list.filter((p) => p.free_order)
        assert.equal(winners.length, 2)
        for (const p of list) {
          const m = await moneyOf(p.order_id)
          assert.equal(m.refunds.reduce((s, x) => s + x, 0), p.free_order ? 100 : 10, `order ${p.order_id} (#${p.number})`)
        }
        // the two rounds: 10 entrants, then 19 (20 minus round 0's winner)
        const { draws } = await ok("GET", `/store/fission/presales/${presale.id}/draws`, { "x-publishable-api-key": store.publishable_key })
        assert.deepEqual(draws.map((d) => [d.round, d.entrants]).sort(), [[0, 10], [1, 19]])
        await reconciled()
        raced = { presale, list }
      },
    },
    {
      name: "kill -9 of both workers in the middle of a pre-sale cancel's refund fan-out (26 participants): a restarted worker finishes it, each order refunded exactly once in full",
      run: async () => {
        assert.ok(raced, "needs the pre-sale race check")
        const { presale, list } = raced
        const before = Object.fromEntries(await Promise.all(list.map(async (p) => [p.order_id, await moneyOf(p.order_id)])))
        const settledBefore = (await refundRequests(presale.id)).length
        for (const [i, w] of workers.entries()) if (w.exit !== null) workers[i] = await restartWorker(i)

        // the cancel (on a server) plans a full refund for every participant and hands the
        // requests to core; the workers attempt them (fission.refund.requested): both die
        // once some, not all, are done
        try {
          const canceled = await ok("POST", `/admin/fission/presales/${presale.id}/cancel`, admin(), { reason: "cluster fault check" })
          assert.equal(canceled.presale.status, "canceled")
          const fullOf = async () =>
            query(url, `SELECT status, COUNT(*)::int AS n FROM fission_refund_request WHERE source_type = 'presale.campaign' AND source_id = $1 AND cause_key LIKE '%:full' AND deleted_at IS NULL GROUP BY 1`, [presale.id])
          const at = await until(async () => {
            const rows = await fullOf()
            const done = rows.find((r) => r.status === "succeeded")?.n ?? 0
            return done >= 1 ? rows : null
          }, { timeoutMs: 120_000, what: "the first full refund", everyMs: 100 })
          await Promise.all(workers.map((w) => crash(w)))
          log(`    both workers killed with the full refunds at ${at.map((r) => `${r.status} ${r.n}`).join(", ")}`)
          workers[0] = await restartWorker(0)

          // finished by the restarted worker: the event's redelivery, then core's sweep once the
          // dead process's leases (FISSION_REFUND_LEASE_SECONDS, 30 s here) run out
          const t = Date.now()
          // an attempt the kill cut short may also fail once when retried, and is then retried by
          // the sweep 2 minutes later (core's backoff): hence the long bound
          const attempts = () =>
            query(url, `SELECT status, attempts, last_error, next_attempt_at, locked_until FROM fission_refund_request
                         WHERE source_type = 'presale.campaign' AND source_id = $1 AND cause_key LIKE '%:full' AND deleted_at IS NULL AND (status <> 'succeeded' OR attempts > 1)`, [presale.id])
          const done = await until(async () => {
            const rows = await fullOf()
            return rows.length === 1 && rows[0].status === "succeeded" && rows[0].n === 26 ? rows : null
          }, { timeoutMs: 600_000, what: "26 full refund requests succeeded", everyMs: 1000 }).catch(async (e) => {
            throw new Error(`${e.message}; not done or retried: ${JSON.stringify(await attempts())}`)
          })
          log(`    ${JSON.stringify(done)} ${((Date.now() - t) / 1000).toFixed(0)} s after the restart; retried: ${JSON.stringify((await attempts()).map((r) => [r.attempts, r.last_error]))}`)
          const requests = await refundRequests(presale.id)
          assert.equal(requests.length, settledBefore + 26, "one full-refund request per participant, nothing else new")
          assert.equal(new Set(requests.map((r) => r.cause_key)).size, requests.length)
          // from Medusa itself: every order canceled and refunded what was captured, exactly once
          for (const p of list) {
            const m = await moneyOf(p.order_id)
            const was = before[p.order_id]
            assert.equal(m.status, "canceled", `order ${p.order_id}`)
            assert.equal(m.refunds.length, was.refunds.length + 1, `order ${p.order_id}: ${m.refunds.length - was.refunds.length} new refunds`)
            assert.equal(m.refunds.reduce((s, x) => s + x, 0), m.captured, `order ${p.order_id} refunded in full, once`)
          }
          // nothing of a cancel the kill cut short is left open (it made Medusa refuse every retry)
          const [open] = await query(url, `SELECT COUNT(*)::int AS n FROM order_change WHERE order_id = ANY($1) AND status IN ('pending', 'requested') AND deleted_at IS NULL`, [list.map((p) => p.order_id)])
          assert.equal(open.n, 0, "no order change left active")
          // and the pre-sale's own books: each participant refunded what it paid, no more (a
          // cancel's refund reports the order's whole refunded total, step refunds included).
          // An outcome event the kill lost is made up by the pre-sale sweep (every minute on the
          // worker), so wait for that, with a deadline
          const offOf = (ps) => ps.filter((p) => Number(p.refunded) !== Number(p.paid)).map((p) => `#${p.number} paid ${p.paid} refunded ${p.refunded}`)
          const offAtOnce = offOf(await participants(presale.id))
          const t2 = Date.now()
          await until(async () => (offOf(await participants(presale.id)).length === 0 ? true : null), {
            timeoutMs: 180_000,
            what: "every participant's refunded = paid",
            everyMs: 1000,
          }).catch(async (e) => {
            assert.deepEqual(offOf(await participants(presale.id)), [], `every participant refunded exactly what it paid (${e.message})`)
          })
          log(`    pre-sale books: ${offAtOnce.length ? `${offAtOnce.join(", ")} when core was done, made up by the sweep ${((Date.now() - t2) / 1000).toFixed(0)} s later` : "every outcome recorded by its event"}`)
          const { totals } = (await ok("GET", `/admin/fission/presales/${presale.id}`, admin())).presale
          assert.deepEqual([Number(totals.refunded), Number(totals.refund_requested), totals.revenue], [26 * 100, 26 * 100, 0], JSON.stringify(totals))
          await reconciled()
        } finally {
          for (const [i, w] of workers.entries()) if (w.exit !== null) workers[i] = await restartWorker(i)
        }
      },
    },
  ]
}
