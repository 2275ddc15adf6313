import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { transferToStoreCreditWorkflow } from "../../plugins/core/src/workflows/ledger"
import { loginShopper } from "../helpers/actors"
import { setupStore, StoreSetup } from "../helpers/setup"
import { runJob } from "../helpers/workflows"

jest.setTimeout(120_000)

const fail = (p: Promise<any>) => p.then(() => Promise.reject(new Error("expected a 4xx")), (e: any) => e.response)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    let alice: Awaited<ReturnType<typeof loginShopper>>
    let bob: Awaited<ReturnType<typeof loginShopper>>
    const admin = () => ({ headers: store.adminHeaders })
    const wallet = async (who = alice) => (await api.get("/store/fission/wallet", { headers: who.headers })).data.wallet
    const asset = (w: any, name: string) => w.balances.find((b: any) => b.asset === name)

    beforeEach(async () => {
      store = await setupStore(getContainer(), api)
      alice = await loginShopper(getContainer(), api, store.fixture.publishable_key, "alice@fission.test")
      bob = await loginShopper(getContainer(), api, store.fixture.publishable_key, "bob@fission.test")
    })

    it("shows a logged-in customer every asset and store credit, and refuses anonymous access", async () => {
      const w = await wallet()
      expect(w.customer_id).toBe(alice.customer.id)
      expect(w.balances.map((b: any) => b.asset)).toEqual(
        expect.arrayContaining(["commission", "points", "growth", "dividend_points", "shopping_fund", "voucher"])
      )
      expect(asset(w, "points")).toMatchObject({ posted: 0, available: 0 })
      const anonymous = await fail(api.get("/store/fission/wallet", { headers: store.storeHeaders }))
      expect(anonymous.status).toBe(401)
    })

    it("lets an admin adjust with a mandatory reason, once per idempotency key, visible to that customer only", async () => {
      const body = {
        customer_id: alice.customer.id,
        asset: "points",
        amount: 500,
        reason: "welcome gift",
        idempotency_key: "form-1234-5678",
      }
      const first = await api.post("/admin/fission/ledger/adjustments", body, admin())
      const again = await api.post("/admin/fission/ledger/adjustments", body, admin())
      expect(first.data.adjustment.amount).toBe(500)
      expect(again.data.adjustment.replayed).toBe(true)
      // the same key for another amount is refused, and the message says why (a 409 would lose it)
      const reused = await fail(api.post("/admin/fission/ledger/adjustments", { ...body, amount: 600 }, admin()))
      expect(reused).toMatchObject({ status: 422, data: { type: "duplicate_error", message: expect.stringMatching(/was already used for a different posting/) } })
      await api.post(
        "/admin/fission/ledger/adjustments",
        { ...body, amount: "-120", reason: "correction", idempotency_key: "form-2222-3333" },
        admin()
      )

      expect(asset(await wallet(), "points").available).toBe(380)
      expect(asset(await wallet(bob), "points").available).toBe(0)
      const { data } = await api.get("/store/fission/wallet/history?asset=points", { headers: alice.headers })
      expect(data.postings.map((p: any) => p.amount)).toEqual([-120, 500])
      expect(data.postings[1]).toMatchObject({ reason: "adjustment", note: "welcome gift", status: "posted" })
      expect((await api.get("/store/fission/wallet/history", { headers: bob.headers })).data.postings).toHaveLength(0)

      const admins = await api.get(`/admin/fission/ledger/customers/${alice.customer.id}/history`, admin())
      expect(admins.data.postings).toHaveLength(2)
      const { data: rec } = await api.get("/admin/fission/ledger/reconciliation", admin())
      expect(rec.reconciliation.ok).toBe(true)
      expect(rec.reconciliation.assets.find((a: any) => a.asset === "points").total).toBe("0")
    })

    it("rejects bad adjustments with a 4xx naming the problem and changes nothing", async () => {
      const good = { customer_id: alice.customer.id, asset: "points", amount: 10, reason: "gift" }
      const cases: [Record<string, unknown>, number, RegExp][] = [
        [{ ...good, reason: undefined }, 400, /reason/],
        [{ ...good, reason: "  " }, 400, /reason/],
        [{ ...good, amount: 0 }, 400, /amount/],
        [{ ...good, amount: "ten" }, 400, /amount/],
        [{ ...good, amount: 1.5 }, 400, /decimal places/],
        [{ ...good, asset: "gold" }, 400, /asset/],
        [{ ...good, asset: "commission" }, 400, /currency_code/],
        [{ ...good, currency_code: "yuan" }, 400, /currency_code/],
        [{ ...good, amount: -10 }, 400, /Insufficient points/],
        [{ ...good, customer_id: "cus_missing" }, 404, /cus_missing/],
        [{ ...good, extra: true }, 400, /extra/],
        [{ ...good, amount: 1e308 }, 400, /amount must be a non-zero decimal number/],
        [{ ...good, note: "a\u0000b" }, 400, /body field note must not contain a NUL byte/],
      ]
      for (const [body, status, message] of cases) {
        const res = await fail(api.post("/admin/fission/ledger/adjustments", body, admin()))
        expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), status])
        expect(res.data.message).toMatch(message)
      }
      const badQuery = await fail(api.get("/store/fission/wallet/history?limit=0", { headers: alice.headers }))
      expect(badQuery.status).toBe(400)
      const badCursor = await fail(api.get("/store/fission/wallet/history?cursor=drop table", { headers: alice.headers }))
      expect(badCursor.status).toBe(400)
      expect(asset(await wallet(), "points").posted).toBe(0)
      const unauth = await fail(api.post("/admin/fission/ledger/adjustments", good, { headers: alice.headers }))
      expect(unauth.status).toBe(401)
    })

    it("defect 6: an admin credit of points can set the lot's expiry; debits, non-lot assets and past dates are refused", async () => {
      const adjust = (body: Record<string, unknown>) =>
        api.post("/admin/fission/ledger/adjustments", { customer_id: alice.customer.id, reason: "campaign gift", ...body }, admin())
      const in10Days = new Date(Date.now() + 10 * 86_400_000)
      const { data } = await adjust({ asset: "points", amount: 300, expires_at: in10Days.toISOString() })
      expect(data.adjustment).toMatchObject({ amount: 300, asset: "points" })
      expect(new Date(data.adjustment.expires_at).getTime()).toBe(in10Days.getTime())
      await adjust({ asset: "points", amount: 50 }) // no expiry: never expires

      const cases: [Record<string, unknown>, RegExp][] = [
        [{ asset: "points", amount: -10, expires_at: in10Days.toISOString() }, /expires_at applies only to credits/],
        [{ asset: "growth", amount: 10, expires_at: in10Days.toISOString() }, /expires_at applies only to assets whose credits expire \(points\), not growth/],
        [{ asset: "commission", currency_code: "cny", amount: 10, expires_at: in10Days.toISOString() }, /not commission/],
        [{ asset: "points", amount: 10, expires_at: new Date(Date.now() - 60_000).toISOString() }, /expires_at must be in the future/],
        [{ asset: "points", amount: 10, expires_at: "next tuesday" }, /expires_at/],
        [{ asset: "points", amount: 10, expires_at: 1767225600000 }, /expires_at/],
      ]
      for (const [body, message] of cases) {
        const res = await fail(adjust(body))
        expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400])
        expect(res.data.message).toMatch(message)
      }
      // nothing of the refused ones landed
      expect(asset(await wallet(), "points")).toMatchObject({ posted: 350 })
      expect(asset(await wallet(), "growth")).toMatchObject({ posted: 0 })

      const history = (await api.get("/store/fission/wallet/history?asset=points", { headers: alice.headers })).data.postings
      expect(history.map((p: any) => [p.amount, p.expires_at && new Date(p.expires_at).getTime()])).toEqual([
        [50, null],
        [300, in10Days.getTime()],
      ])
      // the lot expires on its date, the lot without expiry stays
      await runJob(getContainer(), "fission-expire-ledger-lots", new Date(in10Days.getTime() - 60_000))
      expect(asset(await wallet(), "points").posted).toBe(350)
      await runJob(getContainer(), "fission-expire-ledger-lots", new Date(in10Days.getTime() + 60_000))
      expect(asset(await wallet(), "points").posted).toBe(50)
      expect((await api.get("/admin/fission/ledger/reconciliation", admin())).data.reconciliation.ok).toBe(true)
    })

    it("pages history with a cursor, newest first", async () => {
      for (let i = 1; i <= 5; i++) {
        await api.post(
          "/admin/fission/ledger/adjustments",
          { customer_id: alice.customer.id, asset: "growth", amount: i, reason: `grant ${i}` },
          admin()
        )
      }
      const seen: number[] = []
      let cursor: string | null = null
      do {
        const { data }: any = await api.get(`/store/fission/wallet/history?limit=2${cursor ? `&cursor=${cursor}` : ""}`, {
          headers: alice.headers,
        })
        seen.push(...data.postings.map((p: any) => p.amount))
        cursor = data.next_cursor
      } while (cursor)
      expect(seen).toEqual([5, 4, 3, 2, 1])
    })

    it("converts commission to loyalty store credit once, spendable in Medusa's own store-credit API", async () => {
      await api.post(
        "/admin/fission/ledger/adjustments",
        { customer_id: alice.customer.id, asset: "commission", currency_code: "cny", amount: "100.50", reason: "seed" },
        admin()
      )
      const input = {
        customer_id: alice.customer.id,
        currency_code: "cny",
        amount: "60.25",
        asset: "commission" as const,
        idempotency_key: "convert:test-1",
        reason: "commission.convert",
        source_type: "test",
        source_id: "t1",
      }
      await transferToStoreCreditWorkflow(getContainer()).run({ input })
      await transferToStoreCreditWorkflow(getContainer()).run({ input })

      const w = await wallet()
      expect(asset(w, "commission")).toMatchObject({ currency_code: "cny", available: 40.25 })
      expect(w.store_credit).toEqual([expect.objectContaining({ currency_code: "cny", balance: 60.25 })])
      const { data } = await api.get("/store/store-credit-accounts?currency_code=cny", { headers: alice.headers })
      expect(data.store_credit_accounts[0].balance).toBe(60.25)

      // more than available: refused, nothing credited
      // workflow errors are serialised, so match the message rather than the Error class
      await expect(
        transferToStoreCreditWorkflow(getContainer()).run({ input: { ...input, idempotency_key: "convert:test-2", amount: "40.26" } })
      ).rejects.toMatchObject({ message: "Insufficient commission balance" })
      expect((await wallet()).store_credit[0].balance).toBe(60.25)
      expect((await api.get("/admin/fission/ledger/reconciliation", admin())).data.reconciliation.ok).toBe(true)
    })
  },
})
