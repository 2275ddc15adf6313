import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { setupStore, StoreSetup } from "../helpers/setup"
import { stable } from "../helpers/sweep/runner"

jest.setTimeout(180_000)

/**
 * Issue 16, defect 2: input PostgreSQL cannot take (a NUL byte, an integer beyond
 * its range) and settings that are absurd though typed right (a multiplier of −1,
 * a cap of 0.001 or 1e308) are a 400 naming the field, and nothing changes.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    const send = (method: string, url: string, data: unknown, headers: Record<string, string>) =>
      api.request({ method, url, data, headers, validateStatus: () => true })

    beforeEach(async () => {
      store = await setupStore(getContainer(), api)
    })

    it("refuses NUL bytes, out-of-range integers and absurd settings with a 400 naming the field, and changes nothing", async () => {
      const admin = store.adminHeaders
      const tea = store.fixture.products["tea-gift-box"]
      const campaign = { title: "Tea", variant_id: tea.variant_id, price: 99, currency_code: "cny", group_size: 3 }
      const reads = [
        "/admin/fission/compliance",
        "/admin/fission/distribution/settings",
        "/admin/fission/membership/settings",
        "/admin/fission/membership/levels",
        "/admin/fission/membership/tasks",
        "/admin/fission/ranks",
        "/admin/fission/points-mall/items",
        "/admin/fission/group-draws",
        "/admin/fission/ledger/reconciliation",
      ]
      // checked_at is when the reconciliation ran, not data
      const state = async () => Promise.all(reads.map(async (url) => stable((await api.get(url, { headers: admin })).data)))
      const before = await state()

      const cases: [string, string, unknown, RegExp, Record<string, string>?][] = [
        ["GET", "/store/fission/draws/%00", undefined, /the path segment after \/store\/fission\/draws must not contain a NUL byte/, store.storeHeaders],
        ["GET", "/admin/fission/commissions?order_id=a%00b", undefined, /query parameter order_id must not contain a NUL byte/],
        ["POST", "/admin/fission/ranks", { name: "Gold\u0000" }, /body field name must not contain a NUL byte/],
        ["POST", "/admin/fission/ranks", { name: "Gold", position: 1e12 }, /position must be an integer from 0 to 2147483647 \(got 1000000000000\)/],
        ["POST", "/admin/fission/membership/levels", { name: "Gold", position: 1e12 }, /position must be an integer from 0 to 2147483647/],
        ["POST", "/admin/fission/membership/levels", { name: "Gold", points_multiplier: -1 }, /points_multiplier must be a decimal number from 0 to 100/],
        ["POST", "/admin/fission/membership/levels", { name: "Gold", free_shipping_threshold: 0.001 }, /free_shipping_threshold .*at most 2 decimals/],
        ["POST", "/admin/fission/membership/settings", { points_pending_days: 1e12 }, /points_pending_days must be an integer from 0 to 365/],
        ["POST", "/admin/fission/membership/settings", { points_per_currency_unit: 1e308 }, /points_per_currency_unit must be a decimal number from 0 to 10000/],
        ["POST", "/admin/fission/membership/settings", { checkin_streak_bonuses: { "7": 1e12 } }, /checkin_streak_bonuses.7 must be an integer/],
        ["POST", "/admin/fission/compliance", { lottery_prize_cap: 0.001 }, /lottery_prize_cap must be a positive amount of at most 50000 with at most 2 decimals/],
        ["POST", "/admin/fission/compliance", { blind_box_daily_spend_limit: 1e308 }, /blind_box_daily_spend_limit must be a positive amount of at most 100000000/],
        ["POST", "/admin/fission/distribution/settings", { withdrawal_min_amount: 1e308 }, /withdrawal_min_amount must be a non-negative decimal number of at most 100000000/],
        ["POST", "/admin/fission/distribution/settings", { auto_promoter_threshold: 0.001 }, /auto_promoter_threshold .*at most 2 decimals/],
        ["POST", "/admin/fission/distribution/settings", { level1_rate: 0.1234567 }, /level1_rate must be a fraction from 0 to 1 with at most 6 decimals/],
        ["POST", "/admin/fission/group-draws", { ...campaign, winners: 1e12 }, /winners must be an integer from 1 to 10000/],
        ["POST", "/admin/fission/group-draws", { ...campaign, winners: 1, price: 1e308 }, /price must be a non-negative decimal/],
        ["POST", "/admin/fission/group-draws", { ...campaign, winners: 1, ends_at: -1 }, /ends_at/],
        ["GET", "/admin/fission/group-draws?offset=1e308", undefined, /offset must be an integer from 0 to 2147483647/],
        ["POST", "/admin/fission/points-mall/items", { title: "Credit", kind: "store_credit", points_cost: 1e12 }, /points_cost must be an integer from 1 to 2147483647/],
        ["POST", "/admin/fission/membership/tasks", { title: "x".repeat(201), kind: "share", reward_points: 5 }, /title must be at most 200 characters/],
      ]
      for (const [method, url, body, message, headers] of cases) {
        const res = await send(method, url, body, headers ?? admin)
        expect([method, url, res.status, res.data.type]).toEqual([method, url, 400, "invalid_data"])
        expect([url, res.data.message]).toEqual([url, expect.stringMatching(message)])
      }
      expect(await state()).toEqual(before)
    })

    it("still accepts the largest sane values", async () => {
      const admin = store.adminHeaders
      const ok = async (url: string, body: unknown) => {
        const res = await send("POST", url, body, admin)
        expect([url, res.status < 300, res.data.message]).toEqual([url, true, undefined])
        return res.data
      }
      await ok("/admin/fission/membership/levels", { name: "Top", position: 2147483647, growth_threshold: 2147483647, points_multiplier: "100" })
      await ok("/admin/fission/membership/settings", { points_pending_days: 365, points_per_currency_unit: "10000" })
      await ok("/admin/fission/compliance", { lottery_prize_cap: "50000.00", blind_box_daily_spend_limit: 100000000 })
    })
  },
})
