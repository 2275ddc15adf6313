import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { loginShopper } from "../helpers/actors"
import { captureOrder, placeOrder, refundOrder } from "../helpers/checkout"
import { setupStore, StoreSetup } from "../helpers/setup"
import { waitFor } from "../helpers/wait"
import { runJob, runWorkflow } from "../helpers/workflows"

jest.setTimeout(300_000)

/**
 * @fission/rebates through the running app (SPEC §3): real checkouts, captures and
 * refunds through Medusa; team structure through distribution's bindings and core's
 * referral directory; team awards as the commission.team_reward postings
 * distribution makes; month close through the admin API.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    const admin = () => ({ headers: store.adminHeaders })
    const shopper = (email: string) => loginShopper(getContainer(), api, store.fixture.publishable_key, email)
    const status = async (who: any) => (await api.get("/store/fission/rebates/status", { headers: who.headers })).data.status
    const balance = async (who: any, asset: string) =>
      (await api.get("/store/fission/wallet", { headers: who.headers })).data.wallet.balances.find((b: any) => b.asset === asset)
    const ledgerOk = async () => (await api.get("/admin/fission/ledger/reconciliation", admin())).data.reconciliation
    const buy = async (who: any, product = "package-899", quantity = 1) => {
      const order = await placeOrder(api, who.headers, store.fixture, [{ variant_id: store.fixture.products[product].variant_id, quantity }])
      await captureOrder(api, store.adminHeaders, order.id)
      return order
    }
    const codeOf = async (who: any) => (await api.get("/store/fission/referral", { headers: who.headers })).data.referral.code
    const bindTo = async (who: any, referrer: any) =>
      api.post("/store/fission/referral/bind", { code: await codeOf(referrer) }, { headers: who.headers })
    const refuse = (p: Promise<any>) => p.then((r) => r).catch((e: any) => e.response)
    const thisMonth = async (who: any) => (await status(who)).month as string

    beforeEach(async () => {
      store = await setupStore(getContainer(), api)
    })

    it("seeds the §3.1 levels; 899 paid in a month earns 3,596 dividend points once; a refund below 899 reverses them", async () => {
      const { data } = await api.get("/admin/fission/rebates/levels", admin())
      expect(data.levels.map((l: any) => [l.position, l.min_consumption, l.team_structure, l.dividend_points])).toEqual([
        [1, 899, null, 3596],
        [2, 1798, [3, 9], 7192],
        [3, 3596, [3, 9, 27], 14384],
        [4, 7192, [9, 27, 27], 28768],
        [5, 14384, [27, 81, 200], 57536],
      ])

      const A = await shopper("a@fission.test")
      const before = await status(A)
      expect(before).toMatchObject({ consumption: 0, level: null, dividend_points: 0, next_level: { position: 1, missing: { consumption: 899, team: [] } } })

      const order = await buy(A)
      await waitFor(() => status(A), (s) => s.dividend_points === 3596)
      const s = await status(A)
      expect(s).toMatchObject({ consumption: 899, level: { position: 1, dividend_points: 3596 }, awarded_points: 3596 })
      expect(s.next_level).toMatchObject({ position: 2, missing: { consumption: 899 } })
      expect(s.next_level.missing.team).toEqual([
        { depth: 1, required: 3, active: 0, missing: 3 },
        { depth: 2, required: 9, active: 0, missing: 9 },
      ])

      // redelivering the paid order changes nothing (the award is once per month)
      await runWorkflow(getContainer(), "fission-rebates-evaluate-month", { customer_id: A.customer.id, month: s.month })
      expect((await balance(A, "dividend_points")).posted).toBe(3596)

      // refunding 100 takes the month to 799: below level 1, the 3,596 are reversed (SPEC §0.4)
      await refundOrder(api, store.adminHeaders, order.id, 100)
      await waitFor(() => status(A), (x) => x.dividend_points === 0)
      expect(await status(A)).toMatchObject({ consumption: 799, level: null, awarded_points: 0 })

      const history = (await api.get("/store/fission/rebates/history", { headers: A.headers })).data
      expect(history).toMatchObject({ count: 1, offset: 0, limit: 12 })
      expect(history.months[0]).toMatchObject({ month: s.month, consumption: 799, level_position: null, awarded_points: 0 })
      expect(history.months[0].awards).toEqual([
        { seq: 0, level_position: 1, points: 3596, reversed: 3596, posting_key: `rebates:award:${A.customer.id}:${s.month}:0` },
      ])
      expect((await ledgerOk()).ok).toBe(true)
    })

    it("another 899 with a 3×9 team of active members tops the month up to 7,192", async () => {
      const A = await shopper("lead@fission.test")
      const bs = await Promise.all([1, 2, 3].map((i) => shopper(`b${i}@fission.test`)))
      const cs = await Promise.all(Array.from({ length: 9 }, (_, i) => shopper(`c${i + 1}@fission.test`)))
      for (const b of bs) await bindTo(b, A)
      for (let i = 0; i < 9; i++) await bindTo(cs[i], bs[i % 3])
      // the team buys the package: 3 active at depth 1, 9 at depth 2
      for (const member of [...bs, ...cs]) await buy(member)
      await buy(A)
      await waitFor(() => status(A), (s) => s.dividend_points === 3596)
      // distribution records each payment as it comes; the team counts reach 3 and 9
      await waitFor(() => status(A), (s) => s.team_active.join() === "3,9,0")
      expect((await status(A)).next_level).toMatchObject({ position: 2, missing: { consumption: 899 } })

      await buy(A)
      await waitFor(() => status(A), (s) => s.dividend_points === 7192)
      const s = await status(A)
      expect(s).toMatchObject({ consumption: 1798, level: { position: 2, dividend_points: 7192 }, awarded_points: 7192 })
      expect(s.next_level).toMatchObject({ position: 3, missing: { consumption: 1798 } })
      expect(s.next_level.missing.team.map((t: any) => t.missing)).toEqual([0, 0, 27])
      const history = (await api.get("/store/fission/rebates/history", { headers: A.headers })).data
      expect(history.months[0].awards.map((a: any) => [a.level_position, a.points])).toEqual([
        [1, 3596],
        [2, 3596],
      ])
      expect((await ledgerOk()).ok).toBe(true)
    })

    it("a 350 team award consumes 350 points; with too few points it is frozen, then released after the next 899 month", async () => {
      const A = await shopper("frozen@fission.test")
      const B = await shopper("rich@fission.test")
      const teamReward = (who: any, key: string) =>
        runWorkflow(getContainer(), "fission-post-ledger-entries", {
          entries: [
            {
              idempotency_key: `team-reward:${key}`,
              asset: "commission",
              currency_code: "cny",
              amount: "350",
              from: { owner_type: "platform", owner_id: "team_rewards" },
              to: { owner_type: "customer", owner_id: who.customer.id },
              reason: "commission.team_reward",
              source_type: "order",
              source_id: key,
            },
          ],
        })
      const sweep = () => runJob(getContainer(), "fission-rebates-team-awards", new Date())

      // B has 3,596 points: the award takes 350 of them at once
      await buy(B)
      await waitFor(() => status(B), (s) => s.dividend_points === 3596)
      await teamReward(B, "order_b")
      await sweep()
      expect(await status(B)).toMatchObject({ dividend_points: 3246, frozen_awards: [] })
      expect((await balance(B, "commission")).available).toBe(350)

      // A has no points: frozen, visible, its commission held
      await teamReward(A, "order_a")
      await sweep()
      await sweep() // a second tick changes nothing
      const frozen = await status(A)
      expect(frozen.frozen_awards).toHaveLength(1)
      expect(frozen.frozen_awards[0]).toMatchObject({ amount: 350, points: 350, status: "frozen", held_amount: 350 })
      expect(await balance(A, "commission")).toMatchObject({ posted: 350, pending_out: 350, available: 0 })

      // A meets the month's 899: 3,596 awarded, the award released with 350 of them
      await buy(A)
      await waitFor(() => status(A), (s) => s.frozen_awards.length === 0)
      expect(await status(A)).toMatchObject({ dividend_points: 3246, awarded_points: 3596 })
      expect(await balance(A, "commission")).toMatchObject({ posted: 350, pending_out: 0, available: 350 })
      const history = (await api.get("/store/fission/rebates/history", { headers: A.headers })).data
      expect(history.team_awards.map((t: any) => t.status)).toEqual(["released"])
      expect((await ledgerOk()).ok).toBe(true)
    })

    it("a reversed team award gives its points back in proportion; a frozen one owes less and holds less; redelivery changes nothing", async () => {
      const A = await shopper("rev-frozen@fission.test")
      const B = await shopper("rev-rich@fission.test")
      const teamReward = (who: any, key: string, amount: string) =>
        runWorkflow(getContainer(), "fission-post-ledger-entries", {
          entries: [
            {
              idempotency_key: `team-reward:${key}`,
              asset: "commission",
              currency_code: "cny",
              amount,
              from: { owner_type: "platform", owner_id: "team_rewards" },
              to: { owner_type: "customer", owner_id: who.customer.id },
              reason: "commission.team_reward",
              source_type: "order",
              source_id: key,
            },
          ],
        })
      // what distribution does when the award's order is refunded: a cumulative reversal with debt
      const reverseTo = (key: string, total: string) =>
        runWorkflow(getContainer(), "fission-reverse-ledger-entries", {
          entries: [{ idempotency_key: `team-reward:${key}`, reversal_key: `team-reward:${key}:reversed-to:${total}`, to_total: total, on_shortfall: "debt" }],
        })
      const sweep = () => runJob(getContainer(), "fission-rebates-team-awards", new Date())
      const awardsOf = async (who: any) => (await api.get("/store/fission/rebates/history", { headers: who.headers })).data.team_awards

      // B: 3,596 points, a 420.50 award consumes 421
      await buy(B)
      await waitFor(() => status(B), (s) => s.dividend_points === 3596)
      await teamReward(B, "rev_b", "420.50")
      await sweep()
      expect((await status(B)).dividend_points).toBe(3596 - 421)
      // 170.25 of it reversed: 250.25 left consumes 251, so 170 come back
      await reverseTo("rev_b", "170.25")
      await sweep()
      expect((await status(B)).dividend_points).toBe(3596 - 251)
      expect((await awardsOf(B))[0]).toMatchObject({ status: "consumed", points: 421, reversed_amount: 170.25, points_returned: 170 })
      // a redelivered reversal and another tick: nothing more
      await reverseTo("rev_b", "170.25")
      await sweep()
      expect((await status(B)).dividend_points).toBe(3596 - 251)
      // reversed in full: every point back
      await reverseTo("rev_b", "420.50")
      await sweep()
      expect((await status(B)).dividend_points).toBe(3596)
      expect((await awardsOf(B))[0]).toMatchObject({ reversed_amount: 420.5, points_returned: 421 })

      // A: no points, so a 300 award is frozen with 300 held
      await teamReward(A, "rev_a", "300")
      await sweep()
      expect((await status(A)).frozen_awards[0]).toMatchObject({ amount: 300, points: 300, held_amount: 300 })
      // 180 reversed: 120 left, 120 points due, 120 held
      await reverseTo("rev_a", "180")
      await sweep()
      await sweep()
      expect((await status(A)).frozen_awards[0]).toMatchObject({ amount: 300, points: 120, held_amount: 120, reversed_amount: 180 })
      expect((await balance(A, "commission")).pending_out).toBe(120)
      // the 899 month releases it with the 120 points it still costs
      await buy(A)
      await waitFor(() => status(A), (s) => s.frozen_awards.length === 0)
      expect((await status(A)).dividend_points).toBe(3596 - 120)
      expect((await awardsOf(A))[0]).toMatchObject({ status: "released", points: 120 })
      expect((await balance(A, "commission")).pending_out).toBe(0)
      expect((await ledgerOk()).ok).toBe(true)
    })

    it("the month close pays pro-rata shares that sum to the pool; a second run pays nothing; previews first", async () => {
      const [X, Y, Z] = await Promise.all(["x", "y", "z"].map((n) => shopper(`${n}@fission.test`)))
      // X 899 → 3,596; Y 899 ×2 → still level 1 (no team) → 3,596; Z 99 → nothing (below threshold)
      await buy(X)
      await buy(Y, "package-899", 2)
      await buy(Z, "tea-gift-box")
      await waitFor(() => status(Y), (s) => s.dividend_points === 3596)
      await waitFor(() => status(X), (s) => s.dividend_points === 3596)
      const month = await thisMonth(X)
      await api.post("/admin/fission/rebates/settings", { pool_mode: "fixed", pool_amount: 1000.01, pool_threshold: 3000 }, admin())

      const { preview } = (await api.get(`/admin/fission/rebates/month-close/preview?month=${month}`, admin())).data
      expect(preview).toMatchObject({ month, pool_amount: 1000.01, holders: 2, total_points: "7192", paid_total: 1000.01, run: null })
      const [first, second] = [X, Y].map((c) => c.customer.id).sort()
      // 500.005 each: the tie's cent goes to the smaller customer id
      expect(preview.top_shares).toEqual([
        { customer_id: first, points: 3596, amount: 500.01 },
        { customer_id: second, points: 3596, amount: 500 },
      ])
      expect((await balance(X, "commission"))?.available ?? 0).toBe(0)

      const closed = (await api.post("/admin/fission/rebates/month-close", { month }, admin())).data
      expect(closed).toMatchObject({ replayed: false, postings: 2, run: { month, status: "completed", holders: 2, paid_amount: 1000.01, pool_amount: 1000.01 } })
      const paid = async (c: any) => (await balance(c, "commission"))?.available ?? 0
      expect((await paid(X)) + (await paid(Y))).toBeCloseTo(1000.01, 2)
      expect([await paid(X), await paid(Y)].sort()).toEqual([500, 500.01])
      expect(await paid(Z)).toBe(0)

      const again = (await api.post("/admin/fission/rebates/month-close", { month }, admin())).data
      expect(again).toMatchObject({ replayed: true, postings: 0, run: { id: closed.run.id } })
      expect([await paid(X), await paid(Y)].sort()).toEqual([500, 500.01])
      // points are kept by default
      expect((await status(X)).dividend_points).toBe(3596)

      const runs = (await api.get("/admin/fission/rebates/pool-runs", admin())).data
      expect(runs).toMatchObject({ count: 1, pool_runs: [{ id: closed.run.id, month, paid_amount: 1000.01 }] })
      expect((await ledgerOk()).ok).toBe(true)
    })

    it("resets the points a close used when set to reset; pays the classic tiered rebate and reverses it after a refund", async () => {
      const [P, Q] = await Promise.all(["p", "q"].map((n) => shopper(`${n}@fission.test`)))
      const order = await buy(P)
      await buy(Q, "tea-gift-box")
      await waitFor(() => status(P), (s) => s.dividend_points === 3596)
      const month = await thisMonth(P)
      await api.post(
        "/admin/fission/rebates/settings",
        {
          pool_mode: "gmv_rate",
          pool_rate: 0.1,
          points_after_close: "reset",
          tiered_enabled: true,
          tiered_tiers: [{ min_spend: 500, rate: 0.02 }, { min_spend: 800, rate: 0.05 }],
        },
        admin()
      )
      const { preview } = (await api.get(`/admin/fission/rebates/month-close/preview?month=${month}`, admin())).data
      // GMV = 899 + 99 = 998 → pool 99.80; tiered: P 5 % of all 899 = 44.95, Q (99) nothing
      expect(preview).toMatchObject({ gmv: 998, pool_amount: 99.8, holders: 1, tiered: { payouts: 1, amount: 44.95 } })
      const closed = (await api.post("/admin/fission/rebates/month-close", { month }, admin())).data
      expect(closed.run).toMatchObject({ points_reset: 1, tiered_payouts: 1, tiered_amount: 44.95, paid_amount: 99.8 })
      expect((await balance(P, "commission")).available).toBe(144.75)
      expect((await status(P)).dividend_points).toBe(0)

      // a refund of 100 in the period: spend 799 drops to the 2 % tier → 15.98; 28.97 reversed
      await refundOrder(api, store.adminHeaders, order.id, 100)
      await waitFor(() => balance(P, "commission"), (b) => b.available === 115.78)
      const history = (await api.get("/store/fission/rebates/history", { headers: P.headers })).data
      expect(history.months[0].tiered_rebate).toEqual({ spend: 899, rate: "0.05", amount: 44.95, reversed_amount: 28.97 })
      expect((await ledgerOk()).ok).toBe(true)
    })

    it("refuses bad input with the field named and changes nothing", async () => {
      const A = await shopper("bad@fission.test")
      const deep = await refuse(
        api.post("/admin/fission/rebates/levels", { position: 9, name: "Too deep", min_consumption: 1, team_structure: [1, 1, 1, 1], dividend_points: 1 }, admin())
      )
      expect(deep.status).toBe(400)
      expect(deep.data.message).toMatch(/team_structure/)
      const taken = await refuse(api.post("/admin/fission/rebates/levels", { position: 1, name: "Dup", min_consumption: 1, dividend_points: 1 }, admin()))
      expect(taken.status).toBe(400)
      expect(taken.data.message).toMatch(/position 1/)
      const month = await refuse(api.get("/admin/fission/rebates/month-close/preview?month=2026-13", admin()))
      expect(month.status).toBe(400)
      expect(month.data.message).toMatch(/month/)
      const future = await refuse(api.post("/admin/fission/rebates/month-close", { month: "9999-12" }, admin()))
      expect(future.status).toBe(400)
      expect(future.data.message).toMatch(/not started/)
      const tz = await refuse(api.post("/admin/fission/rebates/settings", { time_zone: "Mars/Olympus" }, admin()))
      expect(tz.status).toBe(400)
      expect(tz.data.message).toMatch(/time_zone/)
      const rate = await refuse(api.post("/admin/fission/rebates/settings", { pool_rate: 1.5 }, admin()))
      expect(rate.status).toBe(400)
      expect(rate.data.message).toMatch(/pool_rate/)
      expect((await refuse(api.get("/store/fission/rebates/status", { headers: store.storeHeaders }))).status).toBe(401)
      expect((await refuse(api.get("/store/fission/rebates/status?month=x", { headers: A.headers }))).status).toBe(400)
      expect((await refuse(api.get("/admin/fission/rebates/customers/cus_missing", admin()))).status).toBe(404)
      const { data } = await api.get("/admin/fission/rebates/levels", admin())
      expect(data.levels).toHaveLength(5)
      expect((await api.get("/admin/fission/rebates/settings", admin())).data.settings).toMatchObject({ time_zone: "Asia/Shanghai", pool_rate: 0.03 })
    })
  },
})
