import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import http from "node:http"
import { loginShopper } from "../helpers/actors"
import { setupStore, StoreSetup } from "../helpers/setup"
import { runWorkflow } from "../helpers/workflows"
import { waitFor } from "../helpers/wait"
import { createCustomerAccountWorkflow } from "@medusajs/medusa/core-flows"

jest.setTimeout(900_000)

/**
 * Concurrency of @fission/blind-box, really in parallel against Postgres (SPEC §7.3):
 * 1,000 concurrent open requests on one campaign, the daily spend limit under a burst, and
 * 1,050 racing registrations for 1,000 seed gifts.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    const admin = () => ({ headers: store.adminHeaders })
    const shopper = (email: string) => loginShopper(getContainer(), api, store.fixture.publishable_key, email)
    const storeCredit = () => getContainer().resolve("store_credit") as any
    const blindBox = () => getContainer().resolve("fission_blind_box") as any

    beforeEach(async () => {
      store = await setupStore(getContainer(), api)
    })

    const credit = async (customer_id: string) => {
      const [account] = await storeCredit().listStoreCreditAccounts({ customer_id, currency_code: "cny" })
      return account ? Number(account.balance) : 0
    }
    const fund = async (customer_id: string, amount: number) => {
      const [account] = await storeCredit().createStoreCreditAccounts([{ customer_id, currency_code: "cny" }])
      await storeCredit().creditAccounts([{ account_id: account.id, amount, reference: "test", reference_id: `fund-${customer_id}` }])
    }
    const player = async (email: string, cash: number) => {
      const who = await shopper(email)
      await api.post("/store/fission/blind-box-age-confirmation", { age: 25 }, { headers: who.headers })
      if (cash) await fund(who.customer.id, cash)
      return who
    }
    const template = async (over: Record<string, unknown> = {}) =>
      (
        await api.post(
          "/admin/fission/blind-box-templates",
          {
            title: "Race box",
            variant_id: store.fixture.products["tea-gift-box"].variant_id,
            currency_code: "cny",
            status: "active",
            prize_value: 99,
            boxes: 24,
            initiation_cash: 30,
            initiation_vouchers: 69,
            open_price: 5,
            initiator_share: 4.5,
            no_win_opens: 6,
            consolation_vouchers: 99,
            ...over,
          },
          admin()
        )
      ).data.blind_box_template
    const initiate = async (templateId: string) => {
      const initiator = await player("initiator@race.test", 30)
      await api.post(
        "/admin/fission/ledger/adjustments",
        { customer_id: initiator.customer.id, asset: "voucher", amount: 69, reason: "test.vouchers" },
        admin()
      )
      const { data } = await api.post("/store/fission/blind-boxes", { template_id: templateId }, { headers: initiator.headers })
      return { initiator, box: data.blind_box }
    }

    it("1,000 concurrent opens from 10 customers: exactly one winner at the committed position, no open after it, no overdrawn wallet", async () => {
      const t = await template()
      const { initiator, box } = await initiate(t.id)
      const players = await Promise.all(Array.from({ length: 10 }, (_, i) => player(`racer-${i}@race.test`, 100)))

      // all 1,000 requests are sent at once; 256 keep-alive connections carry them (1,000 fresh
      // TCP connects at once overflow the listen backlog of a 2-core box: ECONNRESET before the app sees them)
      const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 256 })
      const results = await Promise.allSettled(
        Array.from({ length: 1000 }, (_, i) =>
          api.post(`/store/fission/blind-boxes/${box.id}/opens`, {}, { headers: players[i % players.length].headers, httpAgent })
        )
      )
      httpAgent.destroy()
      const ok = results.filter((r) => r.status === "fulfilled").map((r: any) => r.value.data.open)
      const refused = results
        .filter((r) => r.status === "rejected")
        .map((r: any) => r.reason.response ?? { status: r.reason.code, data: { message: r.reason.message } })
      const why = new Map<string, number>()
      for (const r of refused) {
        const k = `${r?.status} ${String(r?.data?.message).replace(/bbx_\w+/g, "bbx").replace(/open \d+/, "open N")}`
        why.set(k, (why.get(k) ?? 0) + 1)
      }
      const reasons = [...why.keys()]
      expect(reasons.filter((k) => !/^400 .*(nothing opens after the win|being paid for)/.test(k))).toEqual([])

      const { data } = await api.get(`/store/fission/blind-boxes/${box.id}`, { headers: { "x-publishable-api-key": store.fixture.publishable_key } })
      const state = data.blind_box
      const p = state.winning_open
      expect(state.status).toBe("won")
      expect(p).toBeGreaterThanOrEqual(7)
      expect(p).toBeLessThanOrEqual(24)
      expect(state.opens_count).toBe(p)
      expect(state.draw.outcome.position).toBe(p)
      expect(ok).toHaveLength(p)
      expect(ok.filter((o: any) => o.won)).toHaveLength(1)
      expect(ok.find((o: any) => o.won).number).toBe(p)
      expect(ok.map((o: any) => o.number).sort((a: number, b: number) => a - b)).toEqual(Array.from({ length: p }, (_, i) => i + 1))

      // in the database: p numbered opens, nothing reserved or numbered beyond p, no open left reserved
      const opens = await blindBox().listBlindBoxOpens({ campaign_id: box.id })
      const numbered = opens.filter((o: any) => o.number !== null)
      expect(numbered).toHaveLength(p)
      expect(Math.max(...numbered.map((o: any) => o.number))).toBe(p)
      expect(opens.filter((o: any) => o.status === "reserved")).toHaveLength(0)
      const [row] = await blindBox().listBlindBoxCampaigns({ id: box.id })
      expect(row.opens_reserved).toBe(0)

      // wallets: every player paid 5 per numbered open and never went below 0; the initiator got 4.5 × p
      let paid = 0
      for (const who of players) {
        const mine = numbered.filter((o: any) => o.customer_id === who.customer.id).length
        const balance = await credit(who.customer.id)
        expect(balance).toBe(100 - 5 * mine)
        expect(balance).toBeGreaterThanOrEqual(0)
        paid += 100 - balance
      }
      expect(paid).toBe(5 * p)
      expect(await credit(initiator.customer.id)).toBe(4.5 * p)
      const { data: rec } = await api.get("/admin/fission/ledger/reconciliation", admin())
      expect(rec.reconciliation.ok).toBe(true)
    })

    it("the daily spend limit is decided in Postgres: 10 concurrent opens of 5 under a limit of 12 → exactly 2", async () => {
      await api.post("/admin/fission/compliance", { blind_box_daily_spend_limit: 42 }, admin())
      const t = await template()
      const { box } = await initiate(t.id) // the initiation's 30 counts: 12 left for the initiator, others have 42
      const limited = await player("limited@race.test", 100)
      await api.post("/admin/fission/compliance", { blind_box_daily_spend_limit: 12 }, admin())
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, () => api.post(`/store/fission/blind-boxes/${box.id}/opens`, {}, { headers: limited.headers }))
      )
      const ok = results.filter((r) => r.status === "fulfilled")
      const refused = results.filter((r) => r.status === "rejected").map((r: any) => r.reason.response)
      expect(ok).toHaveLength(2)
      expect(refused.every((r: any) => r.status === 400 && /daily blind-box spend limit/.test(r.data.message))).toBe(true)
      expect(await credit(limited.customer.id)).toBe(90)
    })

    it("1,050 racing registrations → exactly 1,000 seed gifts of 100 vouchers, one per customer", async () => {
      const t = await template({ seed_gift_vouchers: 100, seed_gift_limit: 1000 })
      // 1,050 registrations at once through Medusa's own registration workflow (what
      // POST /store/customers runs); each emits customer.created, which the plugin's subscriber
      // turns into a gift. Auth identities are made in bulk (no password hashing: not the race).
      const auth = getContainer().resolve(Modules.AUTH)
      const identities = await auth.createAuthIdentities(
        Array.from({ length: 1050 }, (_, i) => ({ provider_identities: [{ provider: "emailpass", entity_id: `seed-${i}@race.test` }] }))
      )
      const results = await Promise.allSettled(
        identities.map((identity: any, i: number) =>
          createCustomerAccountWorkflow(getContainer()).run({
            input: { authIdentityId: identity.id, customerData: { email: `seed-${i}@race.test` } },
          })
        )
      )
      expect(results.filter((r) => r.status === "rejected")).toHaveLength(0)
      const given = () => blindBox().listBlindBoxSeedGifts({ template_id: t.id }, { take: 5000 })
      await waitFor(given, (g: any[]) => g.length === 1000 && g.every((x) => x.posted_at), { timeout: 300_000, every: 1000 })
      // every subscriber has run: the 50 late registrations got nothing
      await new Promise((r) => setTimeout(r, 3000))
      const gifts = await blindBox().listBlindBoxSeedGifts({ template_id: t.id }, { take: 5000 })
      expect(gifts).toHaveLength(1000)
      expect(new Set(gifts.map((g: any) => g.customer_id)).size).toBe(1000)
      expect(new Set(gifts.map((g: any) => g.slot)).size).toBe(1000)
      expect(Math.max(...gifts.map((g: any) => g.slot))).toBe(1000)
      const [row] = await blindBox().listBlindBoxTemplates({ id: t.id })
      expect(row.seed_gifts_given).toBe(1000)
      // the vouchers: 1,000 postings of 100, and a replay gives nothing more
      const gifted = gifts.slice(0, 3).map((g: any) => g.customer_id)
      await Promise.all(gifted.map((id: string) => runWorkflow(getContainer(), "fission-blind-box-seed-gifts", { customer_id: id })))
      const balances = await Promise.all(gifted.map((id: string) => api.get(`/admin/fission/ledger/customers/${id}/balances`, admin())))
      for (const b of balances) {
        expect(b.data.wallet.balances.find((x: any) => x.asset === "voucher").available).toBe(100)
      }
      const { data: rec } = await api.get("/admin/fission/ledger/reconciliation", admin())
      expect(rec.reconciliation.ok).toBe(true)
    })
  },
})
