// Faults injected into the running cluster (issue 12): every PostgreSQL connection of the
// cluster's database terminated while requests and events are in flight, and Redis stopped and
// started again between captures and the workers' handling of their events. Effects are counted
// in the database: each check-in once, each order's postings exactly those of an order placed
// without faults, a clean reconciliation.
import assert from "node:assert/strict"
import { query } from "../../scripts/lib/database.mjs"
import { crash } from "./processes.mjs"
import { postingsOf } from "./checks-events.mjs"
import { until } from "./until.mjs"

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

export function faultChecks({ client, store, url, admin, database, servers, workers, restartWorker, redis, log }) {
  const { request, shopper } = client
  const people = store.shoppers.slice(108, 140).map((s) => ({ ...s, headers: shopper(s.token) }))
  const adminHeaders = () => store.adminHeaders
  const variant = store.products["package-899"].variant_id

  /** A request retried while the answer is 503 (the documented retry path); any other answer is returned. */
  const retrying = async (method, path, headers, body, statuses) => {
    for (let attempt = 0; ; attempt++) {
      const r = await request(method, path, headers, body)
      statuses?.push(r.status)
      if (r.status !== 503 || attempt >= 40) return r
      await sleep(250)
    }
  }
  const must = async (method, path, headers, body, statuses) => {
    const r = await retrying(method, path, headers, body, statuses)
    if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status}: ${JSON.stringify(r.data).slice(0, 300)}`)
    return r.data
  }
  /** The storefront checkout (helpers/checkout.ts), each step retried on 503; returns the order id. */
  const placeOrder = async (who, statuses, line = { variant_id: variant }) => {
    const { cart } = await must("POST", "/store/carts", who.headers, { region_id: store.region_id }, statuses)
    await must("POST", `/store/carts/${cart.id}/line-items`, who.headers, { quantity: 1, ...line }, statuses)
    await must("POST", `/store/carts/${cart.id}`, who.headers, {
      shipping_address: { first_name: "F", last_name: "T", address_1: "1 Fault Road", city: "Ganzhou", country_code: "cn", postal_code: "341000" },
    }, statuses)
    const { shipping_options } = await must("GET", `/store/shipping-options?cart_id=${cart.id}`, who.headers, undefined, statuses)
    await must("POST", `/store/carts/${cart.id}/shipping-methods`, who.headers, { option_id: shipping_options[0].id }, statuses)
    const { payment_collection } = await must("POST", "/store/payment-collections", who.headers, { cart_id: cart.id }, statuses)
    await must("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, who.headers, { provider_id: "pp_system_default" }, statuses)
    const done = await must("POST", `/store/carts/${cart.id}/complete`, who.headers, {}, statuses)
    if (done.type !== "order") throw new Error(`cart ${cart.id} did not complete: ${JSON.stringify(done.error)}`)
    return done.order.id
  }
  const capture = async (orderId, statuses) => {
    const { order } = await must("GET", `/admin/orders/${orderId}?fields=id,*payment_collections.payments`, adminHeaders(), undefined, statuses)
    for (const c of order.payment_collections) {
      for (const p of c.payments) if (!p.captured_at) await must("POST", `/admin/payments/${p.id}/capture`, adminHeaders(), {}, statuses)
    }
  }
  const settled = (orderIds, timeoutMs) =>
    until(async () => {
      const by = await postingsOf(url, orderIds)
      return orderIds.every((id) => by[id]["points.order_paid"] && by[id]["growth.order_paid"]) ? by : null
    }, { timeoutMs, what: `points and growth of ${orderIds.length} orders` })
  const reconciled = async () =>
    assert.equal((await must("GET", "/admin/fission/ledger/reconciliation", adminHeaders())).reconciliation.ok, true, "ledger reconciliation")
  const terminate = async () =>
    (await query(admin, `SELECT COUNT(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database]))[0].n
  let expected = null // the postings of one order without faults (an unreferred buyer)
  /** Both workers running again (an earlier check crashed some). */
  const bothWorkers = async () => {
    for (const [i, w] of workers.entries()) if (w.exit !== null) workers[i] = await restartWorker(i)
  }

  const checks = [
    {
      name: "Postgres connections terminated twice under load: no 500 (a 503 to retry), every process recovers, each check-in and order applied once",
      run: async () => {
        await bothWorkers()
        const baseline = await placeOrder(people[0])
        await capture(baseline)
        expected = (await settled([baseline], 60_000))[baseline]
        await sleep(1000) // late duplicates would show now
        expected = (await postingsOf(url, [baseline]))[baseline]
        log(`    postings of one order: ${JSON.stringify(expected)}`)

        const statuses = []
        const buyers = people.slice(1, 5)
        const checkers = people.slice(5, 21)
        const load = Promise.all([
          ...buyers.map(async (b) => {
            const id = await placeOrder(b, statuses)
            await capture(id, statuses)
            return id
          }),
          ...checkers.map(async (c) => {
            for (let k = 0; k < 3; k++) await retrying("GET", "/store/fission/wallet", c.headers, undefined, statuses)
            return retrying("POST", "/store/fission/check-ins", c.headers, {}, statuses)
          }),
        ])
        load.catch(() => {}) // awaited below; a failure must not end the runner while the faults are injected
        // inject the faults once the load is under way (counted answers, not a timer)
        await until(() => statuses.length >= 20, { timeoutMs: 120_000, what: "20 answers before the first termination" })
        const first = await terminate()
        await until(() => statuses.length >= 60, { timeoutMs: 120_000, what: "60 answers before the second termination" })
        const second = await terminate()
        const results = await load
        const orders = results.slice(0, buyers.length)
        const checkIns = results.slice(buyers.length)
        const by = (s) => statuses.filter((x) => x === s).length
        log(`    terminated ${first} + ${second} connections; ${statuses.length} answers: ${[...new Set(statuses)].sort().map((s) => `${s} × ${by(s)}`).join(", ")}`)
        assert.deepEqual(statuses.filter((s) => s >= 500 && s !== 503), [], "no 5xx other than 503")
        assert.ok(first > 0 && second > 0, "connections were terminated")

        // every process answers again, on its own connections
        for (const p of [...servers, ...workers]) await until(async () => (await fetch(`${p.base}/health`)).ok, { timeoutMs: 30_000, what: `${p.name} /health` })
        await until(async () => (await request("GET", "/store/fission/wallet", people[0].headers)).status === 200, { timeoutMs: 30_000, what: "a Store API read" })

        // each check-in exactly once: an answer other than 201 is retried by the shopper, and the day has one
        for (const [i, r] of checkIns.entries()) {
          if (r.status !== 201) {
            const again = await retrying("POST", "/store/fission/check-ins", checkers[i].headers, {})
            assert.ok(again.status === 201 || (again.status === 422 && /Already checked in/.test(again.data.message)), `check-in retry → ${again.status}`)
          }
        }
        const rows = await query(
          url,
          `SELECT a.owner_id, COUNT(*)::int AS n FROM ledger_posting p JOIN ledger_account a ON a.id = p.credit_account_id
            WHERE p.reason = 'points.check_in' AND a.owner_id = ANY($1) AND p.deleted_at IS NULL GROUP BY 1`,
          [checkers.map((c) => c.customer_id)]
        )
        assert.equal(rows.length, checkers.length, "every checker has a check-in")
        assert.deepEqual([...new Set(rows.map((r) => r.n))], [1], "one check-in posting each")

        // each order's events survived the terminations (Redis event retries) and applied once
        await settled(orders, 150_000)
        await sleep(2000)
        const after = await postingsOf(url, orders)
        for (const id of orders) assert.deepEqual(after[id], expected, `order ${id}`)
        await reconciled()
      },
    },
  ]

  checks.push({
    name: "kill -9 of both workers in the middle of a group settlement (N = 20, 19 losers): a restarted worker finishes it, each loser refunded exactly once",
    run: async () => {
      const N = 20
      await bothWorkers()
      const tea = store.products["tea-gift-box"]
      await must("POST", `/admin/products/${tea.product_id}/variants/${tea.variant_id}`, adminHeaders(), { manage_inventory: false })
      const { group_draw: campaign } = await must("POST", "/admin/fission/group-draws", adminHeaders(), {
        title: "Settlement under fire", variant_id: tea.variant_id, price: tea.price, currency_code: "cny", status: "active", group_size: N, winners: 1,
      })
      const members = store.shoppers.slice(140, 140 + N).map((s) => ({ ...s, headers: shopper(s.token) }))
      const groupId = (await must("POST", `/store/fission/group-draws/${campaign.id}/groups`, members[0].headers, {})).group.id
      const metadata = (who) => ({ group_draw_campaign_id: campaign.id, group_id: groupId, client_seed: `s-${who.customer_id}` })
      const orders = []
      for (let i = 0; i < N; i += 10) {
        orders.push(...(await Promise.all(members.slice(i, i + 10).map((who) => placeOrder(who, undefined, { variant_id: tea.variant_id, metadata: metadata(who) })))))
      }
      await Promise.all(orders.slice(0, N - 1).map((id) => capture(id)))
      const groupRow = async () => (await query(url, `SELECT status, seats_taken FROM group_draw_group WHERE id = $1`, [groupId]))[0]
      await until(async () => (await groupRow()).seats_taken === N - 1, { timeoutMs: 120_000, what: `${N - 1} seats taken` })

      // the last payment fills the group: its event draws and settles it on a worker; both die as soon as it is drawn
      await capture(orders[N - 1])
      const seen = await until(async () => {
        const g = await groupRow()
        return ["drawn", "refunding", "completed"].includes(g.status) ? g : null
      }, { timeoutMs: 120_000, what: "the group drawn" })
      await Promise.all(workers.map((w) => crash(w)))
      const at = await query(url, `SELECT status, COUNT(*)::int AS n FROM group_draw_member WHERE group_id = $1 GROUP BY 1 ORDER BY 1`, [groupId])
      log(`    both workers killed with the group ${seen.status}; members then: ${at.map((r) => `${r.status} ${r.n}`).join(", ")}`)
      workers[0] = await restartWorker(0)

      const done = await until(async () => {
        const g = await groupRow()
        const m = await query(url, `SELECT status, COUNT(*)::int AS n FROM group_draw_member WHERE group_id = $1 GROUP BY 1`, [groupId])
        const n = Object.fromEntries(m.map((r) => [r.status, r.n]))
        return g.status === "completed" && n.refunded === N - 1 && n.won === 1 ? n : null
      }, { timeoutMs: 240_000, what: "the group completed by the restarted worker, 19 refunded" })
      log(`    completed by ${workers[0].name}: ${JSON.stringify(done)}`)
      // from Medusa itself: every loser's payment refunded once, in full; the winner's not at all
      const { group } = await must("GET", `/admin/fission/group-draws/${campaign.id}/groups?limit=10`, adminHeaders()).then((r) => ({ group: r.groups.find((g) => g.id === groupId) }))
      for (const m of group.members) {
        const { order } = await must("GET", `/admin/orders/${m.order_id}?fields=id,*payment_collections.payments,*payment_collections.payments.refunds`, adminHeaders())
        const payments = order.payment_collections.flatMap((c) => c.payments)
        const refunds = payments.flatMap((p) => p.refunds ?? [])
        const captured = payments.reduce((x, p) => x + Number(p.amount), 0)
        if (m.status === "won") assert.equal(refunds.length, 0, `winner ${m.order_id} refunded`)
        else {
          assert.equal(refunds.length, 1, `loser ${m.order_id}: ${refunds.length} refunds`)
          assert.equal(Number(refunds[0].amount), captured, `loser ${m.order_id} refunded in full`)
        }
      }
      await reconciled()
      await bothWorkers()
    },
  })

  if (redis.restart) {
    checks.push({
      name: "Redis stopped and started again while captured orders' events wait for the workers: every event handled exactly once, the cluster serves again",
      run: async () => {
        assert.ok(expected, "needs the previous check")
        const buyers = people.slice(21, 27)
        const orders = []
        for (const b of buyers) orders.push(await placeOrder(b))
        // captured back to back, Redis stopped right after: their events are queued, most not handled yet
        await Promise.all(orders.map((id) => capture(id)))
        const before = await postingsOf(url, orders)
        const handled = orders.filter((id) => before[id]["points.order_paid"]).length
        await redis.restart(3000)
        log(`    Redis restarted with ${orders.length - handled}/${orders.length} captured orders' points not yet posted`)
        for (const p of [...servers, ...workers]) {
          assert.equal(p.exit, null, `${p.name} survived the restart`)
          await until(async () => (await fetch(`${p.base}/health`)).ok, { timeoutMs: 30_000, what: `${p.name} /health` })
        }
        await settled(orders, 150_000)
        await sleep(2000)
        const after = await postingsOf(url, orders)
        for (const id of orders) assert.deepEqual(after[id], expected, `order ${id}`)
        // and new work flows through the restarted Redis
        const next = await placeOrder(people[27])
        await capture(next)
        await settled([next], 60_000)
        assert.deepEqual((await postingsOf(url, [next]))[next], expected)
        await reconciled()
      },
    })
  } else {
    log("    (the Redis restart check needs redis-server: the machine's Redis is not restarted)")
  }
  return checks
}
