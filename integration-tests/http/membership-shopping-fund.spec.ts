import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { loginShopper } from "../helpers/actors"
import { placeOrder } from "../helpers/checkout"
import { setupStore, StoreSetup } from "../helpers/setup"
import { waitFor } from "../helpers/wait"
import { runJob, runWorkflow } from "../helpers/workflows"

jest.setTimeout(240_000)

const JOB = "fission-membership-release-shopping-fund"
// 00:30 in Asia/Shanghai (the default time zone) = 16:30 UTC of the day before
const day1 = new Date("2026-12-01T16:30:00Z")
const day2 = new Date("2026-12-02T16:30:00Z")

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    let shopper: any
    const admin = () => ({ headers: store.adminHeaders })
    const fund = async () =>
      (await api.get("/store/fission/wallet", { headers: shopper.headers })).data.wallet.balances.find(
        (b: any) => b.asset === "shopping_fund"
      )
    const storeCredit = async () => {
      const { data } = await api.get("/store/store-credit-accounts?currency_code=cny", { headers: shopper.headers })
      return Number(data.store_credit_accounts[0]?.balance ?? 0)
    }
    const ledgerOk = async () => (await api.get("/admin/fission/ledger/reconciliation", admin())).data.reconciliation.ok
    const giveFund = (key: string, amount: string, status: "posted" | "pending" = "posted", to = shopper.customer.id) =>
      runWorkflow(getContainer(), "fission-post-ledger-entries", {
        entries: [
          {
            idempotency_key: key,
            asset: "shopping_fund",
            currency_code: "cny",
            amount,
            status,
            from: { owner_type: "platform", owner_id: "shopping_fund" },
            to: { owner_type: "customer", owner_id: to, purpose: "main" },
            reason: "test.shopping_fund",
            source_type: "test",
            source_id: key,
          },
        ],
      })

    beforeEach(async () => {
      store = await setupStore(getContainer(), api)
      shopper = await loginShopper(getContainer(), api, store.fixture.publishable_key, "fund@fission.test")
    })

    it("releases 1 % of the posted fund a day to store credit, once per day; pending fund stays locked", async () => {
      await giveFund("test:fund:posted", "100")
      await giveFund("test:fund:pending", "50", "pending")

      await runJob(getContainer(), JOB, day1)
      expect(await storeCredit()).toBe(1)
      expect(Number((await fund()).available)).toBe(99)
      expect(Number((await fund()).pending_in)).toBe(50)

      // the same day again: nothing more
      await runJob(getContainer(), JOB, day1)
      expect(await storeCredit()).toBe(1)
      expect(Number((await fund()).available)).toBe(99)

      // next day: 1 % of 99
      await runJob(getContainer(), JOB, day2)
      expect(await storeCredit()).toBe(1.99)
      expect(Number((await fund()).available)).toBe(98.01)

      const { data } = await api.get("/store/fission/membership", { headers: shopper.headers })
      expect(data.membership.shopping_fund).toEqual({ locked: 148.01, releasable: 98.01, released_total: 1.99 })
      expect(await ledgerOk()).toBe(true)
    })

    it("rejects release rates outside 0..1 naming the field", async () => {
      const res = await api
        .post("/admin/fission/membership/settings", { shopping_fund_daily_release_rate: 2 }, admin())
        .catch((e: any) => e.response)
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/shopping_fund_daily_release_rate/)
      const { data } = await api.post("/admin/fission/membership/settings", { shopping_fund_daily_release_rate: 0.02 }, admin())
      expect(Number(data.settings.shopping_fund_daily_release_rate)).toBe(0.02)
    })

    it("joining a group-draw campaign releases the participation bonus, and the invite bonus to the referrer", async () => {
      await giveFund("test:fund:bonus", "100")
      const referrer = await loginShopper(getContainer(), api, store.fixture.publishable_key, "referrer@fission.test")
      await giveFund("test:fund:referrer", "100", "posted", referrer.customer.id)
      // a direct referral, as @fission/distribution binds it
      await getContainer()
        .resolve<any>("fission_distribution")
        .createReferrals({ customer_id: shopper.customer.id, referrer_id: referrer.customer.id, source: "admin", bound_at: new Date() })
      const tea = store.fixture.products["tea-gift-box"]
      const { data } = await api.post(
        "/admin/fission/group-draws",
        { title: "Tea draw", variant_id: tea.variant_id, price: tea.price, currency_code: "cny", status: "active", group_size: 5, winners: 2 },
        admin()
      )
      await placeOrder(api, shopper.headers, store.fixture, [
        { variant_id: tea.variant_id, quantity: 1, metadata: { group_draw_campaign_id: data.group_draw.id, client_seed: "s" } },
      ])
      // 5 % of 100
      expect(await waitFor(storeCredit, (v) => v > 0)).toBe(5)
      expect(Number((await fund()).available)).toBe(95)
      // 2 % of the referrer's 100
      const referrerCredit = async () =>
        Number((await api.get("/store/store-credit-accounts?currency_code=cny", { headers: referrer.headers })).data.store_credit_accounts[0]?.balance ?? 0)
      expect(await waitFor(referrerCredit, (v) => v > 0)).toBe(2)
      expect(await ledgerOk()).toBe(true)
    })
  },
})
