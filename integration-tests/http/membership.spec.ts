import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { loginShopper } from "../helpers/actors"
import { captureOrder, placeOrder } from "../helpers/checkout"
import { setupStore, StoreSetup } from "../helpers/setup"
import { waitFor } from "../helpers/wait"
import { runJob } from "../helpers/workflows"

jest.setTimeout(180_000)

const DAY = 86_400_000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    let shopper: any
    const admin = () => ({ headers: store.adminHeaders })
    const balance = async (asset: string) =>
      (await api.get("/store/fission/wallet", { headers: shopper.headers })).data.wallet.balances.find((b: any) => b.asset === asset)
    const membership = async () => (await api.get("/store/fission/membership", { headers: shopper.headers })).data.membership
    const ledgerOk = async () => (await api.get("/admin/fission/ledger/reconciliation", admin())).data.reconciliation.ok
    // the injectable clock: honoured only under NODE_ENV=test
    const at = (iso: string) => ({ headers: { ...shopper.headers, "x-fission-now": iso } })
    const checkIn = (iso: string) => api.post("/store/fission/check-ins", {}, at(iso)).catch((e: any) => e.response)

    beforeEach(async () => {
      store = await setupStore(getContainer(), api)
      shopper = await loginShopper(getContainer(), api, store.fixture.publishable_key, "member@fission.test")
    })

    const buyPackage = async () => {
      const pkg = store.fixture.products["package-899"]
      const order = await placeOrder(api, shopper.headers, store.fixture, [{ variant_id: pkg.variant_id, quantity: 1 }])
      await captureOrder(api, store.adminHeaders, order.id)
      return order
    }

    const paymentOf = async (orderId: string) => {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=*payment_collections.payments`, admin())
      return data.order.payment_collections[0].payments[0]
    }

    it("credits 899 points and 899 growth for a paid 899 order; a half refund reverses 449 of each (rounded down)", async () => {
      const order = await buyPackage()
      await waitFor(() => balance("points"), (b) => b.available === 899)
      expect(await balance("growth")).toMatchObject({ posted: 899 })
      const m = await membership()
      expect(m.points).toMatchObject({ available: 899, pending: 0, expiring_soon: 0 })
      expect(m.growth).toBe(899)

      // refunds pay for merchandise first (SPEC §0.4): 449.5 of the 899 = half: floor(899 / 2) = 449 reversed, 450 kept
      await api.post(`/admin/payments/${(await paymentOf(order.id)).id}/refund`, { amount: 449.5 }, admin())
      await waitFor(() => balance("points"), (b) => b.available === 450)
      expect(await balance("growth")).toMatchObject({ posted: 450 })

      // the rest, shipping included, takes back the rest: all 899
      await api.post(`/admin/payments/${(await paymentOf(order.id)).id}/refund`, { amount: 459.5 }, admin())
      await waitFor(() => balance("points"), (b) => b.available === 0)
      expect(await balance("growth")).toMatchObject({ posted: 0 })

      const { data } = await api.get("/store/fission/points/statement", { headers: shopper.headers })
      expect(data.statement.earned).toEqual({ total: 899, by_reason: { "points.order_paid": 899 } })
      expect(data.statement.reversed.total).toBe(899)
      expect(data.statement.reversed.by_reason).toEqual({ "points.order_refund": 899 })
      expect(await ledgerOk()).toBe(true)
    })

    it("holds order points pending for points_pending_days and releases them with the job; cancel voids pending points", async () => {
      const { data } = await api.post("/admin/fission/membership/settings", { points_pending_days: 7 }, admin())
      expect(data.settings.points_pending_days).toBe(7)
      const order = await buyPackage()
      await waitFor(() => balance("points"), (b) => b.pending_in === 899)
      expect((await balance("points")).available).toBe(0)
      await runJob(getContainer(), "fission-membership-release-order-points", new Date(Date.now() + 3 * DAY))
      expect((await balance("points")).available).toBe(0)
      await runJob(getContainer(), "fission-membership-release-order-points", new Date(Date.now() + 8 * DAY))
      await waitFor(() => balance("points"), (b) => b.available === 899)

      // a second order canceled while its points are still pending: voided, growth reversed
      const second = await buyPackage()
      await waitFor(() => balance("points"), (b) => b.pending_in === 899)
      await api.post(`/admin/orders/${second.id}/cancel`, {}, admin())
      await waitFor(() => balance("points"), (b) => b.pending_in === 0)
      expect(await balance("points")).toMatchObject({ available: 899, pending_in: 0 })
      expect(await balance("growth")).toMatchObject({ posted: 899 })
      expect(await ledgerOk()).toBe(true)
    })

    it("check-in: one per local day, a 7-day streak pays the day-7 bonus, the calendar shows the month", async () => {
      // 2026-03-01 … 03-07 at 23:30 in Shanghai (15:30 UTC): each a different local day
      const points: number[] = []
      for (let d = 1; d <= 7; d++) {
        const res = await checkIn(`2026-03-0${d}T15:30:00Z`)
        expect(res.status).toBe(201)
        expect(res.data.check_in).toMatchObject({ local_date: `2026-03-0${d}`, streak: d })
        points.push(res.data.check_in.points)
      }
      expect(points).toEqual([5, 5, 5, 5, 5, 5, 55])
      expect((await balance("points")).available).toBe(85)

      // 16:30 UTC on the 7th is already the 8th in Shanghai; then a second one the same local day is refused
      expect((await checkIn("2026-03-07T16:30:00Z")).data.check_in).toMatchObject({ local_date: "2026-03-08", streak: 8 })
      const again = await checkIn("2026-03-08T03:00:00Z")
      expect(again.status).toBe(422)
      expect(again.data).toMatchObject({ type: "duplicate_error", code: "already_checked_in" })
      expect(again.data.message).toMatch(/2026-03-08/)

      // a missed day restarts the streak
      expect((await checkIn("2026-03-10T02:00:00Z")).data.check_in).toMatchObject({ streak: 1, points: 5 })

      const { data } = await api.get("/store/fission/check-ins?month=2026-03", at("2026-03-10T03:00:00Z"))
      expect(data.calendar).toMatchObject({ month: "2026-03", today: "2026-03-10", checked_in_today: true, streak: 1 })
      expect(data.calendar.days).toHaveLength(31)
      expect(data.calendar.days.filter((d: any) => d.checked_in).map((d: any) => d.date.slice(8))).toEqual([
        "01", "02", "03", "04", "05", "06", "07", "08", "10",
      ])
      expect(data.streak_bonuses).toEqual({ "7": 50 })
      const bad = await api.get("/store/fission/check-ins?month=2026-13", { headers: shopper.headers }).catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/month/)
    })

    it("shows points expiring within 30 days and refuses bad settings with the field named", async () => {
      const bad = await api.post("/admin/fission/membership/settings", { time_zone: "Mars/Olympus" }, admin()).catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/time_zone/)
      const bonus = await api
        .post("/admin/fission/membership/settings", { checkin_streak_bonuses: { "0": 5 } }, admin())
        .catch((e: any) => e.response)
      expect(bonus.status).toBe(400)
      expect(bonus.data.message).toMatch(/checkin_streak_bonuses/)
      await api.post("/admin/fission/membership/settings", { points_expiry_months: 1 }, admin())
      expect((await checkIn("2026-05-01T02:00:00Z")).status).toBe(201)
      const soon = async (iso: string) =>
        (await api.get("/store/fission/membership", at(iso))).data.membership.points.expiring_soon
      // the lot expires 2026-06-01: not within 30 days on 05-01, within them on 05-10
      expect(await soon("2026-05-01T03:00:00Z")).toBe(0)
      expect(await soon("2026-05-10T03:00:00Z")).toBe(5)
    })

    it("a check-in that broke off after recording the day (its points never credited) is completed by the retry, once", async () => {
      // what a request leaves when its database connection drops between the two writes
      await getContainer()
        .resolve<any>("fission_membership")
        .recordCheckIn({ customer_id: shopper.customer.id, local_date: "2026-05-10", previous_date: "2026-05-09", base_points: 5, bonuses: {} })
      expect((await balance("points")).available).toBe(0)
      const retry = await checkIn("2026-05-10T04:00:00Z")
      expect(retry.status).toBe(201)
      expect(retry.data.check_in).toMatchObject({ local_date: "2026-05-10", points: 5 })
      expect((await balance("points")).available).toBe(5)
      // now it is complete: the next one is the usual refusal and credits nothing
      const again = await Promise.all([checkIn("2026-05-10T05:00:00Z"), checkIn("2026-05-10T06:00:00Z")])
      expect(again.map((r) => r.status)).toEqual([422, 422])
      expect((await balance("points")).available).toBe(5)
      expect(await ledgerOk()).toBe(true)
    })

    it("concurrent check-ins on the same day: exactly one succeeds", async () => {
      const results = await Promise.all(Array.from({ length: 8 }, () => checkIn("2026-04-02T04:00:00Z")))
      expect(results.filter((r) => r.status === 201)).toHaveLength(1)
      expect(results.filter((r) => r.status === 422 && /Already checked in on 2026-04-02/.test(r.data.message))).toHaveLength(7)
      expect((await balance("points")).available).toBe(5)
      expect(await ledgerOk()).toBe(true)
    })

    it("levels up when growth reaches the threshold and keeps the member in the level's customer group", async () => {
      const {
        data: { customer_group: group },
      } = await api.post("/admin/customer-groups", { name: "Silver members" }, admin())
      await api.post("/admin/fission/membership/levels", { name: "Member", growth_threshold: 0 }, admin())
      const {
        data: { level: silver },
      } = await api.post(
        "/admin/fission/membership/levels",
        { name: "Silver", growth_threshold: 500, points_multiplier: 2, customer_group_id: group.id },
        admin()
      )
      await api.post("/admin/fission/membership/levels", { name: "Gold", growth_threshold: 5000 }, admin())
      const missing = await api
        .post("/admin/fission/membership/levels", { name: "X", customer_group_id: "cusgroup_missing" }, admin())
        .catch((e: any) => e.response)
      expect(missing.status).toBe(400)

      await buyPackage()
      await waitFor(membership, (m) => m.level?.id === silver.id)
      const m = await membership()
      expect(m).toMatchObject({ growth: 899, next_level: { name: "Gold" }, growth_to_next_level: 4101 })
      // points of that order were earned at the level held when it was paid (Member, ×1)
      expect(m.points.available).toBe(899)
      // the level and the customer group are written by successive steps of one workflow: wait for both
      const groupsOf = async () =>
        (await api.get(`/admin/customers/${shopper.customer.id}?fields=*groups`, admin())).data.customer.groups.map((g: any) => g.id)
      expect(await waitFor(groupsOf, (ids) => ids.length > 0)).toEqual([group.id])

      // the next order earns at the Silver multiplier
      await buyPackage()
      await waitFor(() => balance("points"), (b) => b.available === 899 + 1798)
      const levels = (await api.get("/admin/fission/membership/levels", admin())).data
      expect(levels.count).toBe(3)
      const { data: adminView } = await api.get(`/admin/fission/membership/customers/${shopper.customer.id}`, admin())
      expect(adminView.membership).toMatchObject({ level: { id: silver.id }, growth: 1798 })
      expect(adminView.membership.level_changes.map((c: any) => c.to_level_id)).toEqual([silver.id])
    })
  },
})
