// Scheduled jobs exactly once per tick cluster-wide, with two workers taking the ticks
// (job-schedules.mjs: the real jobs from the real BullMQ queue, ticking every TICK_MS instead
// of hourly or daily). Each check makes due work through the APIs, lets the job tick until the
// work is done and then AFTER_TICKS more times — ticks that overlap land on both workers — and
// counts the effects in the database: each due item handled once, nothing more on later ticks.
// These checks run last: while a job ticks fast, other checks' timing would not be production's.
import assert from "node:assert/strict"
import { captureOrder, completeCart, prepareCart } from "../../bench/lib/checkout.mjs"
import { query } from "../../scripts/lib/database.mjs"
import { crash } from "./processes.mjs"
import { jobSchedules } from "./job-schedules.mjs"
import { pool, until } from "./until.mjs"

const TICK_MS = 2000
const AFTER_TICKS = 4
const HOLDERS = 120


export function jobChecks({ client, store, url, servers, workers, restartWorker, redis, log }) {
  const { ok, shopper } = client
  const admin = () => store.adminHeaders
  const S = (i) => ({ ...store.shoppers[i], headers: shopper(store.shoppers[i].token) })
  const adjust = (who, asset, amount, extra = {}) =>
    ok("POST", "/admin/fission/ledger/adjustments", admin(), {
      customer_id: who.customer_id,
      asset,
      ...(asset === "commission" ? { currency_code: "cny" } : {}),
      amount,
      reason: "cluster job test",
      ...extra,
    })
  const reconciled = async () => assert.equal((await ok("GET", "/admin/fission/ledger/reconciliation", admin())).reconciliation.ok, true, "ledger reconciliation")
  const balance = async (who, asset) => (await ok("GET", "/store/fission/wallet", who.headers)).wallet.balances.find((b) => b.asset === asset) ?? { posted: 0, available: 0, pending_in: 0 }
  const storeCredit = async (who) => (await ok("GET", "/store/fission/wallet", who.headers)).wallet.store_credit.reduce((s, a) => s + Number(a.balance), 0)
  /** An order of `line` placed on one server, completed on the other, captured; returns its id. */
  const order = async (who, i, line) => {
    const [a, b] = i % 2 ? [servers[1], servers[0]] : [servers[0], servers[1]]
    const cartId = await prepareCart(a.base, who.headers, { region_id: store.region_id }, [{ quantity: 1, ...line }])
    const id = await completeCart(b.base, who.headers, cartId)
    await captureOrder(a.base, admin(), id)
    return id
  }
  const refundsOf = async (orderId) => {
    const { order } = await ok("GET", `/admin/orders/${orderId}?fields=id,*payment_collections.payments,*payment_collections.payments.refunds`, admin())
    const payments = order.payment_collections.flatMap((c) => c.payments)
    return { captured: payments.reduce((s, p) => s + Number(p.amount), 0), refunds: payments.flatMap((p) => p.refunds ?? []).map((r) => Number(r.amount)) }
  }

  /**
   * `name` ticks every TICK_MS until `done()` returns something truthy, then AFTER_TICKS more
   * times; back to its own `cron` on every path. Returns what `done()` returned first.
   */
  const ticking = async (name, cron, done, what, { during = null, timeoutMs = 120_000 } = {}) => {
    // both workers running (a fault check before may have left one dead)
    for (const [i, w] of workers.entries()) if (w.exit !== null) workers[i] = await restartWorker(i)
    const schedules = jobSchedules(redis.url)
    const since = Date.now()
    try {
      assert.ok((await schedules.registered())[`schedule_job-${name}`], `the workers registered ${name}`)
      assert.equal(await schedules.consumers(), 2, "both workers consume the jobs queue")
      await schedules.fast(name, TICK_MS)
      const [first] = await Promise.all([until(done, { timeoutMs, what, everyMs: 500 }), during?.()])
      const at = (await schedules.ticks(name, since)).completed
      await until(async () => (await schedules.ticks(name, since)).completed >= at + AFTER_TICKS, { timeoutMs: 120_000, what: `${AFTER_TICKS} more ticks of ${name}` })
      const ticks = await schedules.ticks(name, since)
      // a tick that overlaps one still running on the other worker waits 5 s for the job's
      // cluster-wide lock and then fails ("Timed-out acquiring lock") having done nothing: that is
      // the lock at work; a tick killed with its worker is retried by BullMQ (stalled job) or
      // fails. Any other failure is a defect.
      const overlapped = ticks.failed.filter((r) => /Timed-out acquiring lock/.test(r)).length
      const other = ticks.failed.filter((r) => !/Timed-out acquiring lock/.test(r))
      log(`    ${name}: done after ${at} tick(s), ${ticks.completed} ticks completed, ${overlapped} overlapping tick(s) refused by the lock, ${other.length} other failures`)
      assert.ok(during ? other.length <= 1 : other.length === 0, `${name}: failed ticks ${JSON.stringify(other)}`)
      return first
    } finally {
      await schedules.restore(name, cron)
      await schedules.close()
    }
  }

  return [
    {
      name: "job: commission release with two workers → each delivered order's commission released once, the referrer paid 3 × 100 (release-commissions)",
      run: async () => {
        const referrer = S(350)
        const buyers = [351, 352, 353].map(S)
        // a delivered order's commission due at once, for this check only (the simulation, later, keeps the freeze)
        const { settings: was } = await ok("GET", "/admin/fission/distribution/settings", admin())
        await ok("POST", "/admin/fission/distribution/settings", admin(), { freeze_days: 0 })
        try {
          for (const b of buyers) await ok("POST", `/admin/fission/referrals/${b.customer_id}/rebind`, admin(), { referrer_id: referrer.customer_id, reason: "cluster job test" })
          const variant = store.products["package-899"].variant_id
          const orders = []
          for (const [i, b] of buyers.entries()) orders.push(await order(b, i, { variant_id: variant }))
          const { stock_locations } = await ok("GET", "/admin/stock-locations?limit=1", admin())
          for (const id of orders) {
            const { order: o } = await ok("GET", `/admin/orders/${id}?fields=*items`, admin())
            await ok("POST", `/admin/orders/${id}/fulfillments`, admin(), { items: o.items.map((x) => ({ id: x.id, quantity: x.quantity })), location_id: stock_locations[0].id })
            const { order: f } = await ok("GET", `/admin/orders/${id}?fields=fulfillments.id`, admin())
            await ok("POST", `/admin/orders/${id}/fulfillments/${f.fulfillments[0].id}/mark-as-delivered`, admin(), {})
          }
          // paid and delivered (both through the workers' events), freeze 0 days: due now
          const rows = () => query(url, `SELECT order_id, status FROM commission_order WHERE order_id = ANY($1) AND deleted_at IS NULL`, [orders])
          await until(async () => (await rows()).filter((r) => r.status === "delivered").length === 3, { timeoutMs: 120_000, what: "3 commission orders delivered" })
          assert.equal(Number((await balance(referrer, "commission")).posted), 0, "nothing released before the job")

          await ticking("fission-distribution-release-commissions", "0 * * * *",
            async () => (await rows()).every((r) => r.status === "settled"), "3 commission orders settled")
          const commissions = await query(url, `SELECT order_id, status, posting_key FROM commission WHERE order_id = ANY($1) AND deleted_at IS NULL`, [orders])
          assert.deepEqual(commissions.map((c) => c.status), ["available", "available", "available"])
          const postings = await query(url, `SELECT idempotency_key, status FROM ledger_posting WHERE idempotency_key = ANY($1) AND deleted_at IS NULL`, [commissions.map((c) => c.posting_key)])
          assert.deepEqual(postings.map((p) => p.status), ["posted", "posted", "posted"])
          const c = await balance(referrer, "commission")
          assert.deepEqual([Number(c.posted), Number(c.available), Number(c.pending_in ?? 0)], [300, 300, 0], JSON.stringify(c))
          await reconciled()
        } finally {
          await ok("POST", "/admin/fission/distribution/settings", admin(), { freeze_days: was.freeze_days })
        }
      },
    },
    {
      name: "job: lot expiry with two workers → each due points lot expired once, a lot not due kept (expire-ledger-lots)",
      run: async () => {
        const holders = [360, 361, 362, 363, 364, 365].map(S)
        const expiresAt = new Date(Date.now() + 5000)
        for (const h of holders) await adjust(h, "points", 50, { expires_at: expiresAt.toISOString() })
        await adjust(holders[0], "points", 30, { expires_at: new Date(Date.now() + 365 * 86_400_000).toISOString() })
        await until(() => Date.now() > expiresAt.getTime() + 500, { timeoutMs: 30_000, what: "the lots' expiry time" })
        const expired = () =>
          query(url, `SELECT a.owner_id, COUNT(*)::int AS n, SUM(p.amount)::int AS amount FROM ledger_posting p JOIN ledger_account a ON a.id = p.debit_account_id
                       WHERE p.reason = 'expired' AND p.source_type = 'ledger.lot' AND a.owner_id = ANY($1) AND p.deleted_at IS NULL GROUP BY 1`, [holders.map((h) => h.customer_id)])
        await ticking("fission-expire-ledger-lots", "5 0 * * *", async () => (await expired()).length === holders.length, "6 lots expired")
        const rows = await expired()
        assert.deepEqual(rows.map((r) => [r.n, r.amount]), holders.map(() => [1, 50]), "one expiry of 50 each")
        const points = await Promise.all(holders.map((h) => balance(h, "points")))
        assert.deepEqual(points.map((p) => Number(p.available)), [30, 0, 0, 0, 0, 0])
        await reconciled()
      },
    },
    {
      name: "job: shopping-fund release with two workers → each customer's daily release once (rate 10 %), however many ticks (release-shopping-fund)",
      run: async () => {
        const members = [366, 367, 368, 369].map(S)
        for (const m of members) await adjust(m, "shopping_fund", 100, { currency_code: "cny" })
        const { settings: was } = await ok("GET", "/admin/fission/membership/settings", admin())
        await ok("POST", "/admin/fission/membership/settings", admin(), { shopping_fund_daily_release_rate: 0.1 })
        try {
          const released = () =>
            query(url, `SELECT a.owner_id, COUNT(*)::int AS n, SUM(p.amount)::numeric AS amount FROM ledger_posting p JOIN ledger_account a ON a.id = p.debit_account_id
                         WHERE p.reason = 'shopping_fund.daily_release' AND a.owner_id = ANY($1) AND p.deleted_at IS NULL GROUP BY 1`, [members.map((m) => m.customer_id)])
          await ticking("fission-membership-release-shopping-fund", "30 0 * * *", async () => (await released()).length === members.length, "4 releases")
          const rows = await released()
          assert.deepEqual(rows.map((r) => [r.n, Number(r.amount)]), members.map(() => [1, 10]), "one release of 10 each")
          for (const m of members) {
            assert.equal(Number((await balance(m, "shopping_fund")).available), 90)
            assert.equal(await storeCredit(m), 10)
          }
          await reconciled()
        } finally {
          await ok("POST", "/admin/fission/membership/settings", admin(), { shopping_fund_daily_release_rate: was.shopping_fund_daily_release_rate })
        }
      },
    },
    {
      name: "job: group sweep with two workers → a group past its deadline failed once, each member refunded exactly once in full (sweep-groups)",
      run: async () => {
        const tea = store.products["tea-gift-box"]
        await ok("POST", `/admin/products/${tea.product_id}/variants/${tea.variant_id}`, admin(), { manage_inventory: false })
        const { group_draw: campaign } = await ok("POST", "/admin/fission/group-draws", admin(), {
          title: "Sweep", variant_id: tea.variant_id, price: tea.price, currency_code: "cny", status: "active", group_size: 5, winners: 1, duration_hours: 1,
        })
        const members = [372, 373].map(S)
        const groupId = (await ok("POST", `/store/fission/group-draws/${campaign.id}/groups`, members[0].headers, {})).group.id
        const orders = []
        for (const [i, m] of members.entries()) {
          orders.push(await order(m, i, { variant_id: tea.variant_id, metadata: { group_draw_campaign_id: campaign.id, group_id: groupId, client_seed: `s-${m.customer_id}` } }))
        }
        const group = async () => (await query(url, `SELECT status, seats_taken FROM group_draw_group WHERE id = $1`, [groupId]))[0]
        await until(async () => (await group()).seats_taken === 2, { timeoutMs: 120_000, what: "2 seats taken" })
        // the hour passes: the only state written here, since no API shortens a running deadline
        await query(url, `UPDATE group_draw_group SET expires_at = now() - interval '1 second' WHERE id = $1`, [groupId])
        const members_ = () => query(url, `SELECT status, COUNT(*)::int AS n FROM group_draw_member WHERE group_id = $1 GROUP BY 1`, [groupId])
        await ticking("fission-group-draw-sweep", "*/5 * * * *", async () => {
          const m = await members_()
          return (await group()).status === "failed" && m.length === 1 && m[0].status === "refunded" && m[0].n === 2
        }, "the group failed and both members refunded")
        for (const id of orders) {
          const r = await refundsOf(id)
          assert.equal(r.refunds.length, 1, `order ${id}: ${r.refunds.length} refunds`)
          assert.equal(r.refunds[0], r.captured, `order ${id} refunded in full`)
        }
        await reconciled()
      },
    },
    {
      name: `job: month close with two workers, both killed (kill -9) in the middle of its payouts of ${HOLDERS} holders to store credit → a restarted worker's tick finishes it: one pool run, each holder paid once (close-rebate-month)`,
      run: async () => {
        // shoppers 400..400 + HOLDERS: HOLDERS above the 3,000-point threshold, one at it
        const holders = Array.from({ length: HOLDERS }, (_, i) => S(400 + i))
        const atThreshold = S(400 + HOLDERS)
        await pool([...holders, atThreshold], 8, (h, i) => adjust(h, "dividend_points", i < HOLDERS ? 3001 + i : 3000))
        const { settings: was } = await ok("GET", "/admin/fission/rebates/settings", admin())
        // close day 1: every later day of the month is past its close (on the 1st itself, a time
        // zone where it is still the last day of the month before)
        const day = (tz) => Number(new Intl.DateTimeFormat("en-US", { timeZone: tz, day: "numeric" }).format(new Date()))
        const time_zone = day(was.time_zone) === 1 ? "Etc/GMT+12" : was.time_zone
        await ok("POST", "/admin/fission/rebates/settings", admin(), { pool_mode: "fixed", pool_amount: 10000, close_day: 1, time_zone, payout_destination: "store_credit" })
        try {
          const month = (await ok("GET", "/store/fission/rebates/status", holders[0].headers)).status.month
          const { preview } = await ok("GET", `/admin/fission/rebates/month-close/preview?month=${month}`, admin())
          assert.equal(preview.run, null, `month ${month} not closed yet`)
          assert.ok(preview.holders >= HOLDERS && Number(preview.paid_total) === 10000, JSON.stringify(preview))
          const runs = async () => (await ok("GET", "/admin/fission/rebates/pool-runs?limit=100", admin())).pool_runs.filter((r) => r.month === month)
          const payouts = () =>
            // a payout to store credit leaves the ledger through a platform account: the holder is in its key
            query(url, `SELECT split_part(idempotency_key, ':', 4) AS owner_id, COUNT(*)::int AS n, SUM(amount)::numeric AS amount FROM ledger_posting
                         WHERE reason = 'rebates.pool_payout' AND idempotency_key LIKE 'rebates:pool:%' AND deleted_at IS NULL GROUP BY 1`)
          // both workers die the moment the first payouts are in the ledger (store credit not yet, or partly)
          const kill = async () => {
            const seen = await until(async () => {
              const [r] = await query(url, `SELECT COUNT(*)::int AS n FROM ledger_posting WHERE reason = 'rebates.pool_payout' AND deleted_at IS NULL`)
              return r.n > 0 ? r.n : null
            }, { timeoutMs: 120_000, what: "the first pool payouts", everyMs: 50 })
            await Promise.all(workers.map((w) => crash(w)))
            const run = (await runs())[0]
            log(`    both workers killed with ${seen} payouts posted, run ${run?.status ?? "none"}`)
            workers[0] = await restartWorker(0)
          }
          const [run] = await ticking("fission-rebates-close-month", "50 * * * *", async () => {
            const rs = await runs()
            return rs.length && rs.every((r) => r.status === "completed") ? rs : null
          }, `the ${month} pool run completed`, { during: kill, timeoutMs: 360_000 })
          assert.equal((await runs()).length, 1, "one run for the month")
          assert.deepEqual([run.paid_amount, run.holders, run.postings], [10000, preview.holders, preview.holders], JSON.stringify(run))
          const paid = await payouts()
          assert.equal(paid.length, preview.holders)
          assert.ok(paid.every((p) => p.n === 1), "one payout posting per holder")
          assert.equal(paid.reduce((s, p) => s + Math.round(Number(p.amount) * 100), 0), 1_000_000)
          const mine = Object.fromEntries(paid.map((p) => [p.owner_id, Number(p.amount)]))
          assert.equal(mine[atThreshold.customer_id], undefined, "3,000 points is not above the threshold")
          // the loyalty store credit of each holder is its payout, credited once
          const credits = await pool(holders, 8, (h) => storeCredit(h))
          const wrong = holders.map((h, i) => [h.customer_id, mine[h.customer_id], credits[i]]).filter(([, want, got]) => !(want > 0) || got !== want)
          assert.deepEqual(wrong, [], "store credit = payout, once")
          await reconciled()
        } finally {
          await ok("POST", "/admin/fission/rebates/settings", admin(), {
            pool_mode: was.pool_mode, pool_amount: was.pool_amount, close_day: was.close_day, time_zone: was.time_zone, payout_destination: was.payout_destination,
          })
          for (const [i, w] of workers.entries()) if (w.exit !== null) workers[i] = await restartWorker(i)
        }
      },
    },
  ]
}
