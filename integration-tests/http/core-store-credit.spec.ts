import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { platform } from "../../plugins/core/src/utils/ledger"
import { loginShopper } from "../helpers/actors"
import { placeOrder } from "../helpers/checkout"
import { plainRequestErrors } from "../helpers/errors"
import { setupStore, StoreSetup } from "../helpers/setup"
import { runWorkflow } from "../helpers/workflows"

jest.setTimeout(240_000)

/** Runs requests in parallel and returns every response, success or error. */
const settle = (ps: Promise<any>[]) => Promise.all(ps.map((p) => p.then((r: any) => r, (e: any) => e.response)))

// Store credit paid through the ledger (SPEC §0.2): the loyalty account is created safely under
// concurrency (defect 4), and every change of the store-credit balance has a history line (defect 10).
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    let alice: Awaited<ReturnType<typeof loginShopper>>
    const admin = () => ({ headers: store.adminHeaders })
    const wallet = async (who = alice) => (await api.get("/store/fission/wallet", { headers: who.headers })).data.wallet
    const commission = async (who = alice) => wallet(who).then((w) => w.balances.find((b: any) => b.asset === "commission"))
    const reconciled = async () =>
      expect((await api.get("/admin/fission/ledger/reconciliation", admin())).data.reconciliation).toMatchObject({ ok: true })
    /** Available commission, through an admin adjustment (the commission lifecycle is not under test here). */
    const earn = (who: typeof alice, amount: string) =>
      api.post(
        "/admin/fission/ledger/adjustments",
        { customer_id: who.customer.id, asset: "commission", currency_code: "cny", amount, reason: "test commission" },
        admin()
      )
    const convert = (amount: number, who = alice) => api.post("/store/fission/commissions/convert", { amount }, { headers: who.headers })
    /** Every line of a history route, following next_cursor with pages of `limit`. */
    const allPages = async (path: string, headers: Record<string, string>, limit: number) => {
      const lines: any[] = []
      let cursor: string | null = null
      for (let page = 0; page < 100; page++) {
        const sep = path.includes("?") ? "&" : "?"
        const { data }: any = await api.get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`, { headers })
        expect(data.postings.length).toBeLessThanOrEqual(limit)
        lines.push(...data.postings)
        cursor = data.next_cursor
        if (!cursor) return lines
      }
      throw new Error("history did not end")
    }

    beforeEach(async () => {
      plainRequestErrors(api)
      store = await setupStore(getContainer(), api)
      alice = await loginShopper(getContainer(), api, store.fixture.publishable_key, "alice@fission.test")
    })

    it("defect 4: 12 parallel first-time conversions of 10 against 100 → exactly the 10 the balance covers succeed", async () => {
      await earn(alice, "100")
      expect((await wallet()).store_credit).toEqual([]) // a fresh customer: no loyalty account yet
      const responses = await settle(Array.from({ length: 12 }, () => convert(10)))
      const ok = responses.filter((r) => r.status === 200)
      const refused = responses.filter((r) => r.status !== 200)
      expect(refused.map((r) => [r.status, r.data.message])).toEqual([
        [400, "Insufficient commission balance"],
        [400, "Insufficient commission balance"],
      ])
      expect(ok).toHaveLength(10)
      expect(new Set(ok.map((r) => r.data.conversion.posting_id)).size).toBe(10)

      const w = await wallet()
      expect(w.balances.find((b: any) => b.asset === "commission")).toMatchObject({ posted: 0, available: 0, pending_out: 0 })
      // one loyalty account, holding exactly what was converted
      expect(w.store_credit).toEqual([expect.objectContaining({ currency_code: "cny", balance: 100 })])
      const { data } = await api.get("/store/store-credit-accounts?currency_code=cny", { headers: alice.headers })
      expect(data.store_credit_accounts).toHaveLength(1)
      const credits = await allPages("/store/fission/wallet/history?asset=store_credit", alice.headers, 100)
      expect(credits.map((l) => l.amount)).toEqual(Array(10).fill(10))
      await reconciled()
    })

    it("defect 4: parallel first-time payouts to a customer with no account, from another source, all land", async () => {
      const bob = await loginShopper(getContainer(), api, store.fixture.publishable_key, "bob@fission.test")
      const payouts = Array.from({ length: 8 }, (_, i) =>
        runWorkflow(getContainer(), "fission-transfer-to-store-credit", {
          customer_id: bob.customer.id,
          currency_code: "cny",
          amount: "1.25",
          asset: "store_credit",
          from: platform("red_envelopes"),
          idempotency_key: `test:red-envelope:${i}`,
          reason: "group_draw.red_envelope",
          source_type: "group_draw_group",
          source_id: `grp_${i}`,
        }).then(
          () => "ok",
          (e) => e.message
        )
      )
      expect(await Promise.all(payouts)).toEqual(Array(8).fill("ok"))
      expect((await wallet(bob)).store_credit).toEqual([expect.objectContaining({ balance: 10 })])
      await reconciled()
    })

    it("defect 10: a conversion, a platform payout, a checkout spend and an admin credit each have a store-credit line", async () => {
      await earn(alice, "100")
      const conversion = (await convert(30)).data.conversion
      await runWorkflow(getContainer(), "fission-transfer-to-store-credit", {
        customer_id: alice.customer.id,
        currency_code: "cny",
        amount: "5.55",
        asset: "store_credit",
        from: platform("red_envelopes"),
        idempotency_key: "test:red-envelope:alice",
        reason: "group_draw.red_envelope",
        source_type: "group_draw_group",
        source_id: "grp_test",
        note: "red envelope share",
      })
      const tea = store.fixture.products["tea-gift-box"]
      const order = await placeOrder(api, alice.headers, store.fixture, [{ variant_id: tea.variant_id, quantity: 1 }], {
        beforeComplete: async (cartId) => {
          await api.post(`/store/carts/${cartId}/store-credits`, { amount: 20 }, { headers: alice.headers })
        },
      })
      expect(order.total).toBe(109 - 20)
      // credited by an admin in Medusa's own admin (the loyalty plugin's route)
      const account = (await wallet()).store_credit[0]
      await api.post(`/admin/store-credit-accounts/${account.account_id}/credit`, { amount: 7, note: "goodwill" }, admin())

      const { data } = await api.get("/store/fission/wallet/history?asset=store_credit", { headers: alice.headers })
      expect(data.postings.map((l: any) => [l.asset, l.amount, l.reason])).toEqual([
        ["store_credit", 7, "store_credit.admin"],
        ["store_credit", -20, "store_credit.checkout"],
        ["store_credit", 5.55, "group_draw.red_envelope"],
        ["store_credit", 30, "commission.convert"],
      ])
      const [adminCredit, spend, envelope, converted] = data.postings
      expect(adminCredit).toMatchObject({ direction: "credit", currency_code: "cny", note: "goodwill", status: "posted", posting_id: null })
      expect(spend).toMatchObject({ direction: "debit", source_type: "cart", posting_id: null })
      expect(envelope).toMatchObject({ source_type: "group_draw_group", source_id: "grp_test", note: "red envelope share" })
      expect(converted).toMatchObject({ source_type: "commission_conversion", posting_id: conversion.posting_id })
      // the lines explain the balance
      const sum = data.postings.reduce((s: number, l: any) => s + Math.round(l.amount * 100), 0) / 100
      expect((await wallet()).store_credit[0].balance).toBe(sum)
      expect(sum).toBe(22.55)

      // without `asset`: the ledger's commission lines and the store-credit lines, newest first
      const everything = (await api.get("/store/fission/wallet/history?limit=100", { headers: alice.headers })).data
      expect(everything.next_cursor).toBeNull()
      expect(everything.postings.map((l: any) => [l.asset, l.amount])).toEqual([
        ["store_credit", 7],
        ["store_credit", -20],
        ["store_credit", 5.55],
        ["store_credit", 30],
        ["commission", -30],
        ["commission", 100],
      ])
      const times = everything.postings.map((l: any) => new Date(l.created_at).getTime())
      expect([...times].sort((a, b) => b - a)).toEqual(times)

      // paging across both sources with small pages returns every line once, in the same order
      for (const limit of [1, 2, 4]) {
        const paged = await allPages("/store/fission/wallet/history", alice.headers, limit)
        expect(paged.map((l) => l.id)).toEqual(everything.postings.map((l: any) => l.id))
      }
      // the admin sees the same lines for the customer
      const admins = await allPages(`/admin/fission/ledger/customers/${alice.customer.id}/history`, store.adminHeaders, 3)
      expect(admins.map((l) => l.id)).toEqual(everything.postings.map((l: any) => l.id))
      // filters still work: only commission lines
      const onlyCommission = (await api.get("/store/fission/wallet/history?asset=commission", { headers: alice.headers })).data
      expect(onlyCommission.postings.map((l: any) => l.amount)).toEqual([-30, 100])
      expect((await commission()).available).toBe(70)
      await reconciled()
    })

    it("defect 10: lines of both sources that share a millisecond page once each, in (created_at, id) order", async () => {
      await earn(alice, "100")
      await convert(1) // creates the store-credit account
      const account = (await wallet()).store_credit[0]
      for (let i = 0; i < 4; i++) {
        await api.post(`/admin/store-credit-accounts/${account.account_id}/credit`, { amount: i + 1, note: `credit ${i}` }, admin())
      }
      // Put lines of both sources into the same milliseconds, microseconds apart (a test-only rewrite of
      // the timestamps): the loyalty service only hands back milliseconds, so ties must still page right.
      const pg = getContainer().resolve<any>(ContainerRegistrationKeys.PG_CONNECTION)
      const { rows: credits } = await pg.raw(
        `SELECT t.id FROM store_credit_account_transaction t WHERE t.account_id = ? ORDER BY t.id`,
        [account.account_id]
      )
      const { rows: postings } = await pg.raw(
        `SELECT p.id FROM ledger_posting p JOIN ledger_account a ON a.id IN (p.credit_account_id, p.debit_account_id)
          WHERE a.owner_id = ? ORDER BY p.id`,
        [alice.customer.id]
      )
      const stamps = ["10:00:00.123900", "10:00:00.123100", "10:00:00.123500", "10:00:00.700001", "10:00:00.700999"]
      for (const [i, t] of credits.entries()) {
        await pg.raw(`UPDATE store_credit_account_transaction SET created_at = ? WHERE id = ?`, [`2026-06-01T${stamps[i % 5]}Z`, t.id])
      }
      for (const [i, p] of postings.entries()) {
        await pg.raw(`UPDATE ledger_posting SET created_at = ? WHERE id = ?`, [`2026-06-01T${stamps[(i + 2) % 5]}Z`, p.id])
      }
      const full = (await api.get("/store/fission/wallet/history?limit=100", { headers: alice.headers })).data.postings
      expect(full).toHaveLength(credits.length + postings.length)
      const keys = full.map((l: any) => [l.created_at, l.id])
      expect(keys).toEqual([...keys].sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? 1 : -1) : a[0] < b[0] ? 1 : -1)))
      for (const limit of [1, 2, 3]) {
        const paged = await allPages("/store/fission/wallet/history", alice.headers, limit)
        expect([limit, paged.map((l) => l.id)]).toEqual([limit, full.map((l: any) => l.id)])
        const onlyCredit = await allPages("/store/fission/wallet/history?asset=store_credit", alice.headers, limit)
        expect(onlyCredit.map((l) => l.id)).toEqual(full.filter((l: any) => l.asset === "store_credit").map((l: any) => l.id))
      }
    })

    it("defect 10: a malformed or foreign cursor is a 400 naming the cursor", async () => {
      for (const cursor of ["lpst_01ABC", "not base64!", Buffer.from("x|y").toString("base64url")]) {
        const res = await api
          .get(`/store/fission/wallet/history?cursor=${encodeURIComponent(cursor)}`, { headers: alice.headers })
          .catch((e: any) => e.response)
        expect([cursor, res.status]).toEqual([cursor, 400])
        expect(res.data.message).toMatch(/cursor/)
      }
    })
  },
})
