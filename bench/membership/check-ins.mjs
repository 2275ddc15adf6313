// Daily check-in under a burst (SPEC §6.3): `customers` logged-in shoppers each send
// `POST /store/fission/check-ins` at the same instant against a running server. Then the
// same burst again: every request must be refused (409, already checked in today) and
// exactly one check-in per customer must exist.
import { performance } from "node:perf_hooks"
import { query } from "../../scripts/lib/database.mjs"
import { bearer, latencySummary } from "../lib/checkout.mjs"

async function burst(base, shoppers, publishableKey) {
  const started = performance.now()
  const answers = await Promise.all(
    shoppers.map(async (s) => {
      const t = performance.now()
      const res = await fetch(`${base}/store/fission/check-ins`, {
        method: "POST",
        headers: { "content-type": "application/json", ...bearer(s.token, publishableKey) },
        body: "{}",
      })
      await res.text()
      return { status: res.status, ms: performance.now() - t }
    })
  )
  const statuses = {}
  for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1
  const seconds = (performance.now() - started) / 1000
  return {
    requests: answers.length,
    statuses,
    seconds: Math.round(seconds * 1000) / 1000,
    requests_per_s: Math.round(answers.length / seconds),
    latency: latencySummary(answers.map((a) => a.ms)),
  }
}

export async function checkInBurst({ base, url, store, customers }) {
  const shoppers = store.shoppers.slice(0, customers)
  const ids = shoppers.map((s) => s.customer_id)
  // one request first, so the burst does not also measure the server's first-request warm-up
  const warm = await fetch(`${base}/store/fission/check-ins`, { headers: bearer(store.shoppers.at(-1).token, store.publishable_key) })
  await warm.text()
  const first = await burst(base, shoppers, store.publishable_key)
  const again = await burst(base, shoppers, store.publishable_key)
  const [{ rows, customers: distinct }] = await query(
    url,
    `SELECT COUNT(*)::int AS rows, COUNT(DISTINCT customer_id)::int AS customers FROM check_in
      WHERE customer_id = ANY($1) AND deleted_at IS NULL`,
    [ids]
  )
  const ok = first.statuses[201] === customers && again.statuses[409] === customers && rows === customers && distinct === customers
  return { customers, first_burst: first, second_burst_same_day: again, check_in_rows: rows, distinct_customers: distinct, ok }
}
