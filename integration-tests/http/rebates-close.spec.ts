import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { loginShopper } from "../helpers/actors"
import { captureOrder, placeOrder } from "../helpers/checkout"
import { deliverEvent } from "../helpers/events"
import { setupStore, StoreSetup } from "../helpers/setup"
import { waitFor } from "../helpers/wait"
import { runJob, runWorkflow } from "../helpers/workflows"

jest.setTimeout(300_000)

/**
 * The dividend pool with the SPEC §3.3 numbers (holders set through core's admin
 * adjustments) and the invariants under parallel requests: concurrent closes of one
 * month pay once, a redelivered paid event awards once, concurrent sweeps consume a
 * team award's points once.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    const admin = () => ({ headers: store.adminHeaders })
    const shopper = (email: string) => loginShopper(getContainer(), api, store.fixture.publishable_key, email)
    const status = async (who: any) => (await api.get("/store/fission/rebates/status", { headers: who.headers })).data.status
    const commission = async (who: any) =>
      (await api.get("/store/fission/wallet", { headers: who.headers })).data.wallet.balances.find((b: any) => b.asset === "commission")
        ?.available ?? 0
    const points = async (who: any) =>
      (await api.get("/store/fission/wallet", { headers: who.headers })).data.wallet.balances.find((b: any) => b.asset === "dividend_points")
        ?.available ?? 0
    const grant = (who: any, amount: number) =>
      api.post("/admin/fission/ledger/adjustments", { customer_id: who.customer.id, asset: "dividend_points", amount, reason: "test holder" }, admin())
    const ledgerOk = async () => (await api.get("/admin/fission/ledger/reconciliation", admin())).data.reconciliation.ok

    beforeEach(async () => {
      store = await setupStore(getContainer(), api)
    })

    it("a pool of 10,000.00 over 3,001 / 5,000 / 7,777 points pays 1,902.02 / 3,168.97 / 4,929.01 (3,000 gets nothing)", async () => {
      const [a, b, c, d] = await Promise.all(["a", "b", "c", "d"].map((n) => shopper(`pool-${n}@fission.test`)))
      await grant(a, 3001)
      await grant(b, 5000)
      await grant(c, 7777)
      await grant(d, 3000)
      await api.post("/admin/fission/rebates/settings", { pool_mode: "fixed", pool_amount: 10000 }, admin())
      const month = (await status(a)).month
      const { preview } = (await api.get(`/admin/fission/rebates/month-close/preview?month=${month}`, admin())).data
      expect(preview).toMatchObject({ holders: 3, total_points: "15778", pool_amount: 10000, paid_total: 10000 })
      const { data } = await api.post("/admin/fission/rebates/month-close", { month }, admin())
      expect(data).toMatchObject({ postings: 3, run: { paid_amount: 10000, holders: 3 } })
      expect([await commission(a), await commission(b), await commission(c), await commission(d)]).toEqual([1902.02, 3168.97, 4929.01, 0])
      expect(await ledgerOk()).toBe(true)
    })

    it("pays the pool to store credit in batches: 1,203 holders, credits sum to the pool, a second close credits nothing", async () => {
      const [a, b] = await Promise.all(["a", "b"].map((n) => shopper(`credit-${n}@fission.test`)))
      await grant(a, 7777)
      await grant(b, 5000)
      // 1,201 more holders (three batches of loyalty credits), created and credited set-based
      const customers: any[] = await (getContainer().resolve("customer") as any).createCustomers(
        Array.from({ length: 1201 }, (_, i) => ({ email: `holder-${i}@fission.test` }))
      )
      await (getContainer().resolve("fission_ledger") as any).postCredits({
        asset: "dividend_points",
        from: "test_holders",
        reason: "test.holder",
        source_type: "test",
        entries: customers.map((c, i) => ({ customer_id: c.id, amount: String(3001 + i), idempotency_key: `test:holder:${c.id}`, source_id: "seed" })),
      })
      await api.post("/admin/fission/rebates/settings", { pool_mode: "fixed", pool_amount: 12345.67, payout_destination: "store_credit" }, admin())
      const month = (await status(a)).month
      const { data } = await api.post("/admin/fission/rebates/month-close", { month }, admin())
      expect(data).toMatchObject({ postings: 1203, run: { paid_amount: 12345.67, holders: 1203 } })
      const credits = async () =>
        (await (getContainer().resolve("store_credit") as any).listAccountTransactions({ reference: "fission_ledger_posting" }, { take: null })) as any[]
      const paid = await credits()
      expect(paid).toHaveLength(1203)
      expect(paid.reduce((s, t) => s + Math.round(Number(t.amount) * 100), 0)).toBe(1234567)
      // a's share: 12,345.67 × 7,777 / Σ points, largest remainder (Σ = 7,777 + 5,000 + Σ(3,001…4,201) = 4,338,178)
      const total = 7777 + 5000 + (1201 * (3001 + 4201)) / 2
      const wallet = async (who: any) =>
        (await api.get("/store/fission/wallet", { headers: who.headers })).data.wallet.store_credit[0]
      expect(Math.abs(Number((await wallet(a)).balance) - (12345.67 * 7777) / total)).toBeLessThan(0.011)
      const again = (await api.post("/admin/fission/rebates/month-close", { month }, admin())).data
      expect(again).toMatchObject({ replayed: true })
      expect(await credits()).toHaveLength(1203)
      expect(await ledgerOk()).toBe(true)
    })

    it("the set-based month evaluation tops up what the levels say now, once; a second pass posts nothing", async () => {
      const A = await shopper("bulk@fission.test")
      const order = await placeOrder(api, A.headers, store.fixture, [{ variant_id: store.fixture.products["package-899"].variant_id, quantity: 1 }])
      await captureOrder(api, store.adminHeaders, order.id)
      await waitFor(() => points(A), (p) => p === 3596)
      const month = (await status(A)).month
      const first = await runWorkflow(getContainer(), "fission-rebates-evaluate-month-in-bulk", { month })
      expect(first).toMatchObject({ customers: 1, topped_up: 0, postings: 0 })
      // the store raises level 1's award: the next pass tops the month up by the difference
      const { data } = await api.get("/admin/fission/rebates/levels", admin())
      await api.post(`/admin/fission/rebates/levels/${data.levels[0].id}`, { dividend_points: 4000 }, admin())
      expect(await runWorkflow(getContainer(), "fission-rebates-evaluate-month-in-bulk", { month })).toMatchObject({ topped_up: 1, postings: 1 })
      expect(await points(A)).toBe(4000)
      expect(await runWorkflow(getContainer(), "fission-rebates-evaluate-month-in-bulk", { month })).toMatchObject({
        months_written: 0,
        topped_up: 0,
        postings: 0,
      })
      expect(await points(A)).toBe(4000)
      const history = (await api.get("/store/fission/rebates/history", { headers: A.headers })).data
      expect(history.months[0].awards.map((a: any) => a.points)).toEqual([3596, 404])
      expect(await ledgerOk()).toBe(true)
    })

    it("eight concurrent closes of one month pay the pool once", async () => {
      const holders = await Promise.all([1, 2, 3].map((i) => shopper(`race-${i}@fission.test`)))
      for (const h of holders) await grant(h, 4000)
      await api.post("/admin/fission/rebates/settings", { pool_mode: "fixed", pool_amount: 99.99 }, admin())
      const month = (await status(holders[0])).month
      const results = await Promise.all(
        Array.from({ length: 8 }, () => api.post("/admin/fission/rebates/month-close", { month }, admin()).catch((e: any) => e.response))
      )
      expect(results.map((r) => r.status)).toEqual(Array(8).fill(200))
      expect(results.filter((r) => r.data.replayed === false)).toHaveLength(1)
      expect(new Set(results.map((r) => r.data.run.id)).size).toBe(1)
      const paid = await Promise.all(holders.map(commission))
      expect(paid.sort()).toEqual([33.33, 33.33, 33.33])
      expect(Math.round(paid.reduce((s, x) => s + x, 0) * 100)).toBe(9999)
      const { data } = await api.get("/admin/fission/rebates/pool-runs", admin())
      expect(data.count).toBe(1)
      expect(await ledgerOk()).toBe(true)
    })

    it("the paid event delivered five times at once awards 3,596 once; parallel sweeps consume a team award once", async () => {
      const A = await shopper("redeliver@fission.test")
      const order = await placeOrder(api, A.headers, store.fixture, [{ variant_id: store.fixture.products["package-899"].variant_id, quantity: 1 }])
      await captureOrder(api, store.adminHeaders, order.id)
      await waitFor(() => points(A), (p) => p === 3596)
      const { data } = await api.get(`/admin/orders/${order.id}?fields=*payment_collections.payments`, admin())
      const paymentId = data.order.payment_collections[0].payments[0].id
      await Promise.all(Array.from({ length: 5 }, () => deliverEvent(getContainer(), "payment.captured", { id: paymentId })))
      expect(await points(A)).toBe(3596)
      expect((await status(A)).awarded_points).toBe(3596)

      await runWorkflow(getContainer(), "fission-post-ledger-entries", {
        entries: [
          {
            idempotency_key: "team-reward:parallel",
            asset: "commission",
            currency_code: "cny",
            amount: "350",
            from: { owner_type: "platform", owner_id: "team_rewards" },
            to: { owner_type: "customer", owner_id: A.customer.id },
            reason: "commission.team_reward",
            source_type: "order",
            source_id: "parallel",
          },
        ],
      })
      await Promise.all(Array.from({ length: 4 }, () => runJob(getContainer(), "fission-rebates-team-awards", new Date())))
      expect(await points(A)).toBe(3246)
      expect((await status(A)).frozen_awards).toEqual([])
      expect(await ledgerOk()).toBe(true)
    })
  },
})
