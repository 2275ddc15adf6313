import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { loginShopper } from "../helpers/actors"
import { captureOrder, placeOrder, prepareCart } from "../helpers/checkout"
import { setupStore, StoreSetup } from "../helpers/setup"
import { waitFor } from "../helpers/wait"
import { runJob, runWorkflow } from "../helpers/workflows"

jest.setTimeout(240_000)

const REEVALUATE = "fission-membership-reevaluate-member-levels"
const BIRTHDAYS = "fission-membership-credit-birthday-points"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    let shopper: any
    const admin = () => ({ headers: store.adminHeaders })
    const points = async (who = shopper) =>
      (await api.get("/store/fission/wallet", { headers: who.headers })).data.wallet.balances.find((b: any) => b.asset === "points")
    const membership = async (who = shopper) => (await api.get("/store/fission/membership", { headers: who.headers })).data.membership
    const ledgerOk = async () => (await api.get("/admin/fission/ledger/reconciliation", admin())).data.reconciliation.ok
    const settings = (body: Record<string, unknown>) => api.post("/admin/fission/membership/settings", body, admin())
    const createLevel = async (body: Record<string, unknown>) => (await api.post("/admin/fission/membership/levels", body, admin())).data.level
    const createGroup = async (name: string) => (await api.post("/admin/customer-groups", { name }, admin())).data.customer_group
    const groupsOf = async (customerId: string) =>
      (await api.get(`/admin/customers/${customerId}?fields=*groups`, admin())).data.customer.groups.map((g: any) => g.id)
    const at = (iso: string, who = shopper) => ({ headers: { ...who.headers, "x-fission-now": iso } })
    const fail = (p: Promise<any>) => p.then((r) => r).catch((e: any) => e.response)
    const evaluate = (customer_id: string) =>
      runWorkflow(getContainer(), "fission-membership-evaluate-member-level", { customer_id, reason: "test" })
    const buy = async (handle: string, who = shopper) => {
      const p = store.fixture.products[handle]
      const order = await placeOrder(api, who.headers, store.fixture, [{ variant_id: p.variant_id, quantity: 1 }])
      await captureOrder(api, store.adminHeaders, order.id)
      return order
    }

    beforeEach(async () => {
      store = await setupStore(getContainer(), api)
      shopper = await loginShopper(getContainer(), api, store.fixture.publishable_key, "benefits@fission.test")
    })

    it("make-up check-in: costs points, restores the streak without a retroactive bonus, one per day, never overdraws", async () => {
      const checkIn = (iso: string) => fail(api.post("/store/fission/check-ins", {}, at(iso)))
      const makeup = (date: string, iso: string) => fail(api.post("/store/fission/check-ins/makeup", { date }, at(iso)))

      // 1-3 March and 5-6 March at 10:00 in Shanghai; the 4th is missed
      for (const d of ["01", "02", "03", "05", "06"]) expect((await checkIn(`2026-03-${d}T02:00:00Z`)).status).toBe(201)
      expect((await points()).available).toBe(25)
      const NOW = "2026-03-06T05:00:00Z"

      // off while the cost setting is null (the default)
      const off = await makeup("2026-03-04", NOW)
      expect(off.status).toBe(400)
      expect(off.data.message).toMatch(/disabled/)

      // insufficient points: a 4xx and nothing recorded
      await settings({ makeup_checkin_cost: 100 })
      const poor = await makeup("2026-03-04", NOW)
      expect(poor.status).toBe(400)
      expect(poor.data.message).toMatch(/Insufficient points/)
      const calendar = async () => (await api.get("/store/fission/check-ins?month=2026-03", at(NOW))).data.calendar
      expect((await calendar()).days[3]).toMatchObject({ date: "2026-03-04", checked_in: false })
      expect((await points()).available).toBe(25)

      // concurrent make-ups of the same day: exactly one, charged once
      await settings({ makeup_checkin_cost: 20 })
      const results = await Promise.all(Array.from({ length: 5 }, () => makeup("2026-03-04", NOW)))
      expect(results.filter((r) => r.status === 201)).toHaveLength(1)
      expect(results.filter((r) => r.status === 422 && r.data.code === "already_checked_in")).toHaveLength(4)
      const made = results.find((r) => r.status === 201)!.data.check_in
      expect(made).toMatchObject({ local_date: "2026-03-04", streak: 4, points: 5, is_makeup: true, cost: 20 })
      // 25 − 20 cost + 5 base points of the made-up day
      expect((await points()).available).toBe(10)

      // continuity restored: the 5th and 6th now continue the run; their points are unchanged
      const cal = await calendar()
      expect(cal.days.slice(0, 6).map((d: any) => [d.streak, d.points])).toEqual([
        [1, 5], [2, 5], [3, 5], [4, 5], [5, 5], [6, 5],
      ])
      expect(cal.streak).toBe(6)
      // the next live check-in is day 7 of the streak and earns the day-7 bonus
      expect((await checkIn("2026-03-07T02:00:00Z")).data.check_in).toMatchObject({ streak: 7, points: 55 })
      expect((await points()).available).toBe(65)

      // out of range: today, the future, another month
      expect((await makeup("2026-03-07", "2026-03-07T05:00:00Z")).data.message).toMatch(/before today/)
      expect((await makeup("2026-02-27", "2026-03-07T05:00:00Z")).data.message).toMatch(/current month/)
      expect((await makeup("2026-03-08", "2026-03-07T05:00:00Z")).status).toBe(400)
      const bad = await fail(api.post("/store/fission/check-ins/makeup", { date: "March 4" }, at(NOW)))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/date/)

      const { data } = await api.get("/store/fission/points/statement?from=2026-01-01T00:00:00Z&to=2030-01-01T00:00:00Z", { headers: shopper.headers })
      expect(data.statement.spent.by_reason).toEqual({ "points.makeup_check_in": 20 })
      expect(await ledgerOk()).toBe(true)
    })

    it("yearly downgrade: re-evaluates from the last 12 months' growth once a year, one level at a time; never keeps levels", async () => {
      const silverGroup = await createGroup("Silver")
      const goldGroup = await createGroup("Gold")
      const base = await createLevel({ name: "Member", growth_threshold: 0 })
      const silver = await createLevel({ name: "Silver", growth_threshold: 300, customer_group_id: silverGroup.id })
      const gold = await createLevel({ name: "Gold", growth_threshold: 800, customer_group_id: goldGroup.id })
      await settings({ downgrade_policy: "yearly" })
      await buy("package-899")
      await waitFor(membership, (m) => m.level?.id === gold.id)
      expect(await membership()).toMatchObject({ growth: 899, qualifying_growth: 899, downgrade_policy: "yearly" })
      const changes = async () =>
        (await api.get(`/admin/fission/membership/customers/${shopper.customer.id}`, admin())).data.membership.level_changes

      // 2 Jan 2027 (local): the order of today is inside the last 12 months — Gold stays
      await runJob(getContainer(), REEVALUATE, new Date("2027-01-02T01:00:00Z"))
      expect((await membership()).level.id).toBe(gold.id)
      expect(await changes()).toHaveLength(1)

      // 1 Jan 2028 (local): no growth in the last 12 months — down one level only
      await runJob(getContainer(), REEVALUATE, new Date("2027-12-31T17:00:00Z"))
      expect((await membership()).level.id).toBe(silver.id)
      expect((await changes())[0]).toMatchObject({ from_level_id: gold.id, to_level_id: silver.id, reason: "yearly_evaluation:2028" })
      expect(await groupsOf(shopper.customer.id)).toEqual([silverGroup.id])

      // a re-run the same year, later in the catch-up week, or outside January changes nothing
      await runJob(getContainer(), REEVALUATE, new Date("2027-12-31T18:00:00Z"))
      await runJob(getContainer(), REEVALUATE, new Date("2028-01-05T02:00:00Z"))
      await runJob(getContainer(), REEVALUATE, new Date("2028-03-01T02:00:00Z"))
      expect(await changes()).toHaveLength(2)
      expect((await membership()).level.id).toBe(silver.id)

      // the next year: Silver → Member, out of the Silver group
      await runJob(getContainer(), REEVALUATE, new Date("2029-01-01T02:00:00Z"))
      expect((await membership()).level.id).toBe(base.id)
      expect(await groupsOf(shopper.customer.id)).toEqual([])

      // policy never: the job does nothing
      await settings({ downgrade_policy: "never", downgrade_max_levels: 2 })
      await runJob(getContainer(), REEVALUATE, new Date("2030-01-01T02:00:00Z"))
      expect(await changes()).toHaveLength(3)
      const bad = await fail(settings({ downgrade_max_levels: 0 }))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/downgrade_max_levels/)
    })

    it("birthday points: the level's points once per customer and year on the local birthday; set once by the shopper", async () => {
      await createLevel({ name: "Member", growth_threshold: 0, birthday_points: 88 })
      const set = await api.post("/store/fission/membership", { birthday: "1990-05-15" }, { headers: shopper.headers })
      expect(set.data.membership.birthday).toBe("1990-05-15")
      const again = await fail(api.post("/store/fission/membership", { birthday: "1990-05-16" }, { headers: shopper.headers }))
      expect(again.status).toBe(400)
      expect(again.data.message).toMatch(/already set/)
      const invalid = await fail(api.post(`/admin/fission/membership/customers/${shopper.customer.id}`, { birthday: "1990-02-30" }, admin()))
      expect(invalid.status).toBe(400)
      expect(invalid.data.message).toMatch(/birthday/)

      // 14 May 16:40 UTC is 15 May 00:40 in Shanghai
      await runJob(getContainer(), BIRTHDAYS, new Date("2027-05-14T16:40:00Z"))
      expect((await points()).available).toBe(88)
      await runJob(getContainer(), BIRTHDAYS, new Date("2027-05-14T16:40:00Z"))
      await runJob(getContainer(), BIRTHDAYS, new Date("2027-05-15T16:40:00Z"))
      expect((await points()).available).toBe(88)
      // the day before (14 May local) nothing
      await runJob(getContainer(), BIRTHDAYS, new Date("2028-05-13T16:40:00Z"))
      expect((await points()).available).toBe(88)
      await runJob(getContainer(), BIRTHDAYS, new Date("2028-05-14T16:40:00Z"))
      expect((await points()).available).toBe(176)

      // an admin moves it to 29 February: celebrated on 28 February in 2029; the year already paid stays paid
      const moved = await api.post(`/admin/fission/membership/customers/${shopper.customer.id}`, { birthday: "1992-02-29" }, admin())
      expect(moved.data.membership.birthday).toBe("1992-02-29")
      await runJob(getContainer(), BIRTHDAYS, new Date("2028-02-27T16:40:00Z"))
      expect((await points()).available).toBe(176)
      await runJob(getContainer(), BIRTHDAYS, new Date("2029-02-27T16:40:00Z"))
      expect((await points()).available).toBe(264)
      const history = (await api.get("/store/fission/wallet/history?asset=points", { headers: shopper.headers })).data.postings
      expect(history.filter((p: any) => p.reason === "points.birthday")).toHaveLength(3)
      expect(await ledgerOk()).toBe(true)
    })

    it("free shipping for a level's members at or above its threshold, through an automatic Medusa promotion", async () => {
      const group = await createGroup("VIP")
      const noGroup = await fail(api.post("/admin/fission/membership/levels", { name: "X", free_shipping_threshold: 100 }, admin()))
      expect(noGroup.status).toBe(400)
      expect(noGroup.data.message).toMatch(/customer_group_id/)
      const vip = await createLevel({ name: "VIP", growth_threshold: 0, customer_group_id: group.id, free_shipping_threshold: 100 })
      expect(vip.free_shipping_promotion_id).toMatch(/^promo_/)
      await evaluate(shopper.customer.id)
      expect(await groupsOf(shopper.customer.id)).toEqual([group.id])

      const cartTotals = async (who: any, handle: string) => {
        const p = store.fixture.products[handle]
        const id = await prepareCart(api, who.headers, store.fixture, [{ variant_id: p.variant_id, quantity: 1 }])
        const { data } = await api.get(`/store/carts/${id}?fields=id,item_total,shipping_total,total`, { headers: who.headers })
        return { id, ...data.cart }
      }
      // 99 of goods: below the threshold, shipping 10 is paid
      expect(await cartTotals(shopper, "tea-gift-box")).toMatchObject({ item_total: 99, shipping_total: 10, total: 109 })
      // exactly 100: free shipping; the order carries it
      const free = await cartTotals(shopper, "navel-oranges-10-jin")
      expect(free).toMatchObject({ item_total: 100, shipping_total: 0, total: 100 })
      const { data } = await api.post(`/store/carts/${free.id}/complete`, {}, { headers: shopper.headers })
      expect(data.type).toBe("order")
      expect(data.order.shipping_total).toBe(0)

      // not a member of the level: pays shipping
      const other = await loginShopper(getContainer(), api, store.fixture.publishable_key, "outsider@fission.test")
      expect(await cartTotals(other, "navel-oranges-10-jin")).toMatchObject({ shipping_total: 10 })

      // a change that does not touch free shipping keeps the promotion
      const { data: renamed } = await api.post(`/admin/fission/membership/levels/${vip.id}`, { description: "Very important" }, admin())
      expect(renamed.level.free_shipping_promotion_id).toBe(vip.free_shipping_promotion_id)
      // raising the threshold replaces the promotion; 100 is no longer enough
      const { data: updated } = await api.post(`/admin/fission/membership/levels/${vip.id}`, { free_shipping_threshold: 300 }, admin())
      expect(updated.level.free_shipping_promotion_id).not.toBe(vip.free_shipping_promotion_id)
      expect(await cartTotals(shopper, "navel-oranges-10-jin")).toMatchObject({ shipping_total: 10 })
      expect(await cartTotals(shopper, "package-899")).toMatchObject({ shipping_total: 0 })
      // deleting the level removes its promotion
      await api.delete(`/admin/fission/membership/levels/${vip.id}`, admin())
      expect(await cartTotals(shopper, "package-899")).toMatchObject({ shipping_total: 10 })
    })

    it("level-restricted products: refused before payment below the level with the product named, allowed at the level", async () => {
      const tea = store.fixture.products["tea-gift-box"]
      const missing = await fail(
        api.post("/admin/fission/membership/levels", { name: "X", exclusive_product_ids: ["prod_missing"] }, admin())
      )
      expect(missing.status).toBe(400)
      expect(missing.data.message).toMatch(/prod_missing/)
      await createLevel({ name: "Member", growth_threshold: 0 })
      const silver = await createLevel({ name: "Silver", growth_threshold: 500, exclusive_product_ids: [tea.product_id] })
      const { data: listed } = await api.get("/store/fission/membership/exclusive-products", { headers: store.storeHeaders })
      expect(listed.exclusive_products).toEqual([{ product_id: tea.product_id, level: { id: silver.id, name: "Silver", growth_threshold: 500 } }])
      expect((await membership()).next_level.exclusive_product_ids).toEqual([tea.product_id])

      const cartId = await prepareCart(api, shopper.headers, store.fixture, [{ variant_id: tea.variant_id, quantity: 1 }])
      const refused = await fail(api.post(`/store/carts/${cartId}/complete`, {}, { headers: shopper.headers }))
      expect(refused.status).toBe(400)
      expect(refused.data.message).toMatch(/Tea/i)
      expect(refused.data.message).toContain(tea.product_id)
      expect(refused.data.message).toMatch(/Silver/)
      const orders = (await api.get("/store/orders", { headers: shopper.headers })).data.orders
      expect(orders).toHaveLength(0)

      // 899 of growth reaches Silver: the same cart now completes
      await buy("package-899")
      await waitFor(membership, (m) => m.level?.id === silver.id)
      const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, { headers: shopper.headers })
      expect(data.type).toBe("order")
    })

    it("statistics: points issued / spent / expired per local month and members per level match the postings", async () => {
      const member = await createLevel({ name: "Member", growth_threshold: 0 })
      await settings({ points_expiry_months: 1 })
      // a check-in pinned to March: its lot expired in April, the expiry job posts it now
      expect((await api.post("/store/fission/check-ins", {}, at("2026-03-05T02:00:00Z"))).status).toBe(201)
      await runJob(getContainer(), "fission-expire-ledger-lots", new Date())
      await buy("package-899")
      await waitFor(() => points(), (b) => b.available === 899)
      await api.post(
        "/admin/fission/ledger/adjustments",
        { customer_id: shopper.customer.id, asset: "points", amount: -100, reason: "redeemed at the counter" },
        admin()
      )
      const month = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit" }).format(new Date())
      const { data } = await api.get(`/admin/fission/membership/stats?from=${month}&to=${month}`, admin())
      expect(data.stats.months).toEqual([{ month, issued: 904, spent: 100, expired: 5, reversed: 0, returned: 0 }])
      expect(data.stats.members_per_level).toEqual([
        { level_id: member.id, name: "Member", members: 1 },
        { level_id: null, name: "No level", members: 0 },
      ])
      const year = await api.get("/admin/fission/membership/stats", admin())
      expect(year.data.stats.months).toHaveLength(12)
      expect(year.data.stats.months[11]).toMatchObject({ month, issued: 904 })
      const bad = await fail(api.get("/admin/fission/membership/stats?from=2026-13", admin()))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/from/)
    })
  },
})
