import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { customer, platform } from "../../plugins/core/src/utils/ledger"
import { loginShopper } from "../helpers/actors"
import { setupStore, StoreSetup } from "../helpers/setup"

jest.setTimeout(180_000)

const fail = (p: Promise<any>) => p.then(() => Promise.reject(new Error("expected a 4xx")), (e: any) => e.response)
/** Runs requests in parallel and returns every response, success or error. */
const settle = (ps: Promise<any>[]) => Promise.all(ps.map((p) => p.then((r: any) => r, (e: any) => e.response)))

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    let alice: Awaited<ReturnType<typeof loginShopper>>
    let bob: Awaited<ReturnType<typeof loginShopper>>
    const admin = () => ({ headers: store.adminHeaders })
    const commission = async (who = alice) =>
      (await api.get("/store/fission/wallet", { headers: who.headers })).data.wallet.balances.find(
        (b: any) => b.asset === "commission" && b.currency_code === "cny"
      ) ?? { posted: 0, available: 0, pending_out: 0 }
    const request = (body: Record<string, unknown>, who = alice) => api.post("/store/fission/withdrawals", body, { headers: who.headers })
    const myWithdrawals = async (who = alice) => (await api.get("/store/fission/withdrawals", { headers: who.headers })).data
    const reconciled = async () => {
      const { data } = await api.get("/admin/fission/ledger/reconciliation", admin())
      expect(data.reconciliation).toMatchObject({ ok: true })
    }
    /** 100 available commission, through the ledger directly (the commission lifecycle is not under test here). */
    const earn = async (who = alice, amount = "100") => {
      await getContainer()
        .resolve<any>("fission_ledger")
        .post([
          {
            idempotency_key: `test-commission:${who.customer.id}:${amount}`,
            asset: "commission",
            currency_code: "cny",
            amount,
            from: platform("commissions"),
            to: customer(who.customer.id),
            reason: "commission.level1",
            source_type: "test",
            source_id: "seed",
          },
        ])
    }
    const setSettings = async (patch: Record<string, unknown>) => {
      const distribution = getContainer().resolve<any>("fission_distribution")
      const settings = await distribution.retrieveSettings()
      await distribution.updateDistributionSettings({ id: settings.id, ...patch })
    }

    beforeEach(async () => {
      store = await setupStore(getContainer(), api)
      alice = await loginShopper(getContainer(), api, store.fixture.publishable_key, "alice@fission.test")
      bob = await loginShopper(getContainer(), api, store.fixture.publishable_key, "bob@fission.test")
      await earn()
    })

    it("holds a requested amount, and a rejection with a reason returns it to available", async () => {
      const { data } = await request({ amount: 30, method: "alipay", account: "alice@alipay" })
      expect(data.withdrawal).toMatchObject({
        customer_id: alice.customer.id,
        amount: 30,
        fee: 0,
        net_amount: 30,
        currency_code: "cny",
        method: "alipay",
        account: "alice@alipay",
        status: "requested",
      })
      expect(data.withdrawal.id).toMatch(/^wdr_/)
      expect(await commission()).toMatchObject({ posted: 100, available: 70, pending_out: 30 })
      expect(await myWithdrawals()).toMatchObject({ count: 1, offset: 0, limit: 20, withdrawals: [{ id: data.withdrawal.id }] })

      const id = data.withdrawal.id
      const noReason = await fail(api.post(`/admin/fission/withdrawals/${id}/reject`, {}, admin()))
      expect(noReason.status).toBe(400)
      expect(noReason.data.message).toMatch(/reason/)
      const blank = await fail(api.post(`/admin/fission/withdrawals/${id}/reject`, { reason: "   " }, admin()))
      expect(blank.status).toBe(400)
      expect(await commission()).toMatchObject({ available: 70, pending_out: 30 })

      const rejected = await api.post(`/admin/fission/withdrawals/${id}/reject`, { reason: "account name does not match" }, admin())
      expect(rejected.data.withdrawal).toMatchObject({ status: "rejected", review_reason: "account name does not match" })
      expect(rejected.data.withdrawal.reviewed_by).toBeTruthy()
      expect(await commission()).toMatchObject({ posted: 100, available: 100, pending_out: 0 })

      const bodies: Record<string, object> = { reject: { reason: "twice" }, approve: {}, "mark-paid": { reference: "x" } }
      for (const action of ["reject", "approve", "mark-paid"]) {
        const again = await fail(api.post(`/admin/fission/withdrawals/${id}/${action}`, bodies[action], admin()))
        expect([action, again.status, again.data.type]).toEqual([action, 400, "not_allowed"])
        expect(again.data.message).toMatch(new RegExp(`Withdrawal ${id} is rejected`))
      }
      const { data: mine } = await api.get(`/store/fission/withdrawals/${id}`, { headers: alice.headers })
      expect(mine.withdrawal).toMatchObject({ status: "rejected", review_reason: "account name does not match" })
      await reconciled()
    })

    it("approves, then pays with a reference: the held debits are posted, fee to platform:withdrawal_fees", async () => {
      await setSettings({ withdrawal_fee_rate: 0.01 })
      const { data } = await request({ amount: "50.5", method: "bank_transfer", account: "6222 0000 1111 2222" })
      // 50.5 × 1% = 0.505 → half-up 0.51; fee + net = amount
      expect(data.withdrawal).toMatchObject({ amount: 50.5, fee: 0.51, net_amount: 49.99 })
      expect(await commission()).toMatchObject({ available: 49.5, pending_out: 50.5 })
      const id = data.withdrawal.id

      const early = await fail(api.post(`/admin/fission/withdrawals/${id}/mark-paid`, { reference: "TX-1" }, admin()))
      expect(early.status).toBe(400)
      expect(early.data.type).toBe("not_allowed")
      expect(early.data.message).toBe(`Withdrawal ${id} is requested; only approved withdrawals can be marked paid`)

      const approved = await api.post(`/admin/fission/withdrawals/${id}/approve`, {}, admin())
      expect(approved.data.withdrawal).toMatchObject({ status: "approved" })
      expect(await commission()).toMatchObject({ available: 49.5, pending_out: 50.5 })

      const noRef = await fail(api.post(`/admin/fission/withdrawals/${id}/mark-paid`, {}, admin()))
      expect(noRef.status).toBe(400)
      expect(noRef.data.message).toMatch(/reference/)
      const badProvider = await fail(api.post(`/admin/fission/withdrawals/${id}/mark-paid`, { provider_id: "paypal" }, admin()))
      expect(badProvider.status).toBe(400)
      expect(badProvider.data.message).toMatch(/provider_id must be one of manual/)
      expect((await api.get(`/admin/fission/withdrawals/${id}`, admin())).data.withdrawal.status).toBe("approved")

      const paid = await api.post(`/admin/fission/withdrawals/${id}/mark-paid`, { reference: "ICBC-20261123-0042" }, admin())
      expect(paid.data.withdrawal).toMatchObject({ status: "paid", reference: "ICBC-20261123-0042" })
      expect(paid.data.withdrawal.paid_at).toBeTruthy()
      expect(await commission()).toMatchObject({ posted: 49.5, available: 49.5, pending_out: 0 })

      const { data: history } = await api.get("/store/fission/wallet/history?asset=commission", { headers: alice.headers })
      const lines = history.postings.filter((p: any) => p.source_type === "withdrawal")
      expect(lines).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ source_id: id, amount: -49.99, status: "posted", reason: "withdrawal" }),
          expect.objectContaining({ source_id: id, amount: -0.51, status: "posted", reason: "withdrawal.fee" }),
        ])
      )
      expect(lines).toHaveLength(2)
      const { data: platforms } = await api.get("/admin/fission/ledger/platform-balances", admin())
      const platformBalance = (purpose: string) =>
        platforms.platform_balances.find((b: any) => b.purpose === purpose && b.asset === "commission")?.balance
      expect(platformBalance("withdrawals")).toBe(49.99)
      expect(platformBalance("withdrawal_fees")).toBe(0.51)

      const { data: queue } = await api.get(`/admin/fission/withdrawals?status=paid&customer_id=${alice.customer.id}`, admin())
      expect(queue).toMatchObject({ count: 1, withdrawals: [{ id, status: "paid" }] })
      expect(queue.totals).toMatchObject({ count: 1, amount: 50.5, fee: 0.51, net_amount: 49.99 })
      expect((await api.get("/admin/fission/withdrawals?status=requested", admin())).data).toMatchObject({
        count: 0,
        totals: { count: 0, amount: 0 },
      })
      await reconciled()
    })

    it("refuses bad requests with a 4xx naming the field, and changes nothing", async () => {
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ amount: 9.99, method: "manual" }, /amount must be at least the minimum withdrawal of 10/],
        [{ amount: "10.001", method: "manual" }, /amount must be a positive decimal number with at most 2 decimals/],
        [{ amount: 0, method: "manual" }, /amount/],
        [{ amount: "ten", method: "manual" }, /amount/],
        [{ method: "manual" }, /amount/],
        [{ amount: 20, method: "paypal", account: "x" }, /method/],
        [{ amount: 20 }, /method/],
        [{ amount: 20, method: "bank_transfer" }, /account is required for method bank_transfer/],
        [{ amount: 20, method: "wechat", account: "  " }, /account is required for method wechat/],
        [{ amount: "100.01", method: "manual" }, /Insufficient commission balance/],
        [{ amount: 20, method: "manual", extra: 1 }, /extra/],
      ]
      for (const [body, message] of cases) {
        const res = await fail(request(body))
        expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400])
        expect(res.data.message).toMatch(message)
      }
      const tooMuch = await fail(api.post("/store/fission/commissions/convert", { amount: "100.01" }, { headers: alice.headers }))
      expect(tooMuch.status).toBe(400)
      expect(tooMuch.data.message).toBe("Insufficient commission balance")
      const badConvert = await fail(api.post("/store/fission/commissions/convert", { amount: 1.005 }, { headers: alice.headers }))
      expect(badConvert.status).toBe(400)
      expect(badConvert.data.message).toMatch(/amount/)

      expect(await commission()).toMatchObject({ posted: 100, available: 100, pending_out: 0 })
      expect((await api.get("/store/fission/wallet", { headers: alice.headers })).data.wallet.store_credit).toEqual([])
      expect(await myWithdrawals()).toMatchObject({ count: 0, withdrawals: [] })
      expect((await api.get("/admin/fission/withdrawals", admin())).data).toMatchObject({ count: 0, totals: { count: 0 } })
      const anonymous = await fail(api.post("/store/fission/withdrawals", { amount: 20, method: "manual" }, { headers: store.storeHeaders }))
      expect(anonymous.status).toBe(401)
      await reconciled()
    })

    it("allows 3 requests a day (rejected ones do not count)", async () => {
      const ids: string[] = []
      for (let i = 0; i < 3; i++) ids.push((await request({ amount: 10, method: "manual" })).data.withdrawal.id)
      const fourth = await fail(request({ amount: 10, method: "manual" }))
      expect(fourth.status).toBe(400)
      expect(fourth.data.message).toBe("Daily withdrawal limit reached: at most 3 withdrawal requests per day")
      expect(await commission()).toMatchObject({ available: 70, pending_out: 30 })
      expect((await myWithdrawals()).count).toBe(3)

      await api.post(`/admin/fission/withdrawals/${ids[0]}/reject`, { reason: "duplicate request" }, admin())
      await request({ amount: 10, method: "manual" })
      expect(await commission()).toMatchObject({ available: 70, pending_out: 30 })
      // another customer has their own limit
      await earn(bob, "20")
      await request({ amount: 10, method: "manual" }, bob)
      await reconciled()
    })

    it("decides the daily limit in Postgres: 10 parallel requests with limit 3 → exactly 3", async () => {
      const responses = await settle(Array.from({ length: 10 }, () => request({ amount: 10, method: "manual" })))
      expect(responses.filter((r) => r.status === 200)).toHaveLength(3)
      for (const r of responses.filter((r) => r.status !== 200)) {
        expect(r.status).toBe(400)
        expect(r.data.message).toMatch(/Daily withdrawal limit/)
      }
      expect(await commission()).toMatchObject({ available: 70, pending_out: 30 })
      expect((await myWithdrawals()).count).toBe(3)
      await reconciled()
    })

    it("never holds more than the balance: 20 parallel requests of 10 against 100 → exactly 10", async () => {
      await setSettings({ withdrawal_daily_limit: 100 })
      const responses = await settle(Array.from({ length: 20 }, () => request({ amount: 10, method: "manual" })))
      const ok = responses.filter((r) => r.status === 200)
      expect(ok).toHaveLength(10)
      for (const r of responses.filter((r) => r.status !== 200)) {
        expect(r.status).toBe(400)
        expect(r.data.message).toMatch(/Insufficient commission balance/)
      }
      expect(await commission()).toMatchObject({ posted: 100, available: 0, pending_out: 100 })
      // refused requests leave no row behind
      expect((await myWithdrawals()).count).toBe(10)
      expect((await api.get("/admin/fission/withdrawals?status=requested", admin())).data.totals).toMatchObject({ count: 10, amount: 100 })
      await reconciled()
    })

    it("a withdrawal racing a conversion to store credit: 60 + 60 against 100 → exactly one", async () => {
      const [withdrawal, conversion] = await settle([
        request({ amount: 60, method: "manual" }),
        api.post("/store/fission/commissions/convert", { amount: 60 }, { headers: alice.headers }),
      ])
      expect([withdrawal.status, conversion.status].sort()).toEqual([200, 400])
      const loser = withdrawal.status === 200 ? conversion : withdrawal
      expect(loser.data.message).toMatch(/Insufficient commission balance/)
      const c = await commission()
      expect(c.available).toBe(40)
      const credit = (await api.get("/store/fission/wallet", { headers: alice.headers })).data.wallet.store_credit
      if (conversion.status === 200) {
        expect(c).toMatchObject({ posted: 40, pending_out: 0 })
        expect(credit).toEqual([expect.objectContaining({ balance: 60 })])
        expect((await myWithdrawals()).count).toBe(0)
      } else {
        expect(c).toMatchObject({ posted: 100, pending_out: 60 })
        expect(credit).toEqual([])
        expect((await myWithdrawals()).count).toBe(1)
      }
      await reconciled()
    })

    it("converts commission to store credit once per idempotency key", async () => {
      const body = { amount: "25.5", idempotency_key: "convert-alice-0001" }
      const first = await api.post("/store/fission/commissions/convert", body, { headers: alice.headers })
      expect(first.data.conversion).toMatchObject({ amount: 25.5, currency_code: "cny", store_credit_balance: 25.5, replayed: false })
      const again = await api.post("/store/fission/commissions/convert", body, { headers: alice.headers })
      expect(again.data.conversion).toMatchObject({ amount: 25.5, store_credit_balance: 25.5, replayed: true })
      const other = await fail(
        api.post("/store/fission/commissions/convert", { ...body, amount: 30 }, { headers: alice.headers })
      )
      expect(other.status).toBe(422)
      expect(other.data).toMatchObject({ type: "duplicate_error", message: "idempotency_key was already used for a different conversion" })
      // without a key every call is a new conversion
      const second = await api.post("/store/fission/commissions/convert", { amount: 10 }, { headers: alice.headers })
      expect(second.data.conversion).toMatchObject({ amount: 10, store_credit_balance: 35.5 })
      // the same client key from another customer is that customer's own conversion
      await earn(bob, "30")
      const bobs = await api.post("/store/fission/commissions/convert", body, { headers: bob.headers })
      expect(bobs.data.conversion).toMatchObject({ amount: 25.5, store_credit_balance: 25.5, replayed: false })

      expect(await commission()).toMatchObject({ posted: 64.5, available: 64.5 })
      const { data } = await api.get("/store/store-credit-accounts?currency_code=cny", { headers: alice.headers })
      expect(data.store_credit_accounts[0].balance).toBe(35.5)
      await reconciled()
    })

    it("applies concurrent admin actions once: parallel approvals and double mark-paid", async () => {
      const id = (await request({ amount: 30, method: "wechat", account: "wx_alice" })).data.withdrawal.id
      const approvals = await settle(Array.from({ length: 5 }, () => api.post(`/admin/fission/withdrawals/${id}/approve`, {}, admin())))
      expect(approvals.map((r) => r.status).sort()).toEqual([200, 400, 400, 400, 400])
      for (const r of approvals.filter((r) => r.status === 400)) {
        expect(r.data.message).toBe(`Withdrawal ${id} is approved; only requested withdrawals can be approved`)
      }

      const payments = await settle(
        ["TX-A", "TX-B", "TX-C"].map((reference) => api.post(`/admin/fission/withdrawals/${id}/mark-paid`, { reference }, admin()))
      )
      const ok = payments.filter((r) => r.status === 200)
      expect(ok).toHaveLength(1)
      for (const r of payments.filter((r) => r.status !== 200)) {
        expect(r.status).toBe(400)
        expect(r.data.message).toMatch(new RegExp(`Withdrawal ${id} is (approved|paid)`))
      }
      const { data } = await api.get(`/admin/fission/withdrawals/${id}`, admin())
      expect(data.withdrawal).toMatchObject({ status: "paid", reference: ok[0].data.withdrawal.reference })
      expect(await commission()).toMatchObject({ posted: 70, available: 70, pending_out: 0 })
      const { data: history } = await api.get("/store/fission/wallet/history?asset=commission", { headers: alice.headers })
      expect(history.postings.filter((p: any) => p.source_type === "withdrawal")).toEqual([
        expect.objectContaining({ amount: -30, status: "posted" }),
      ])
      await reconciled()
    })

    it("keeps withdrawals private: other customers get 404, admin routes need an admin", async () => {
      const id = (await request({ amount: 30, method: "manual" })).data.withdrawal.id
      expect((await api.get(`/store/fission/withdrawals/${id}`, { headers: alice.headers })).data.withdrawal.id).toBe(id)
      const peek = await fail(api.get(`/store/fission/withdrawals/${id}`, { headers: bob.headers }))
      expect(peek.status).toBe(404)
      expect(await myWithdrawals(bob)).toMatchObject({ count: 0, withdrawals: [] })

      for (const [method, path] of [
        ["get", "/admin/fission/withdrawals"],
        ["get", `/admin/fission/withdrawals/${id}`],
        ["post", `/admin/fission/withdrawals/${id}/approve`],
        ["post", `/admin/fission/withdrawals/${id}/reject`],
        ["post", `/admin/fission/withdrawals/${id}/mark-paid`],
      ] as const) {
        const asCustomer = await fail(
          method === "get" ? api.get(path, { headers: bob.headers }) : api.post(path, { reason: "nope", reference: "x" }, { headers: bob.headers })
        )
        expect([path, asCustomer.status]).toEqual([path, 401])
      }
      const missing = await fail(api.post(`/admin/fission/withdrawals/wdr_missing/approve`, {}, admin()))
      expect(missing.status).toBe(404)
      const badFilter = await fail(api.get(`/admin/fission/withdrawals?status=lost`, admin()))
      expect(badFilter.status).toBe(400)

      expect((await api.get(`/admin/fission/withdrawals/${id}`, admin())).data.withdrawal.status).toBe("requested")
      expect(await commission()).toMatchObject({ available: 70, pending_out: 30 })
      await reconciled()
    })
  },
})
