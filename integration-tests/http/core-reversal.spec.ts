import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { DISTRIBUTION_MODULE } from "../../plugins/distribution/src/modules/distribution"
import { DEMO_PRODUCTS } from "../../src/lib/store-fixture"
import { loginShopper } from "../helpers/actors"
import { captureOrder, deliverOrder, placeOrder, refundOrder, returnItems } from "../helpers/checkout"
import { deliverEvent } from "../helpers/events"
import { setupStore, StoreSetup } from "../helpers/setup"
import { waitFor } from "../helpers/wait"

jest.setTimeout(240_000)

/**
 * SPEC §0.4 through real orders: one reversal rule, owned by core, applied by
 * distribution (per-line commissions) and membership (order-level points) alike.
 * Premium box 1,288 pays a fixed 130 / 60 per unit; the 899 package 100 / 50;
 * 2 points per currency unit, so a 1,288 item earns 2,576 points. Shipping 10.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    let L1: any, L2: any, buyer: any
    const admin = () => ({ headers: store.adminHeaders })
    const balance = async (who: any, asset: string) =>
      (await api.get("/store/fission/wallet", { headers: who.headers })).data.wallet.balances.find((b: any) => b.asset === asset)
    // pending until delivery + freeze: what each promoter is owed either way
    const owed = async (who: any) => {
      const b = await balance(who, "commission")
      return Math.round((b.pending_in + b.posted) * 100) / 100
    }
    const points = async () => (await balance(buyer, "points")).posted
    const ledgerOk = async () => (await api.get("/admin/fission/ledger/reconciliation", admin())).data.reconciliation.ok
    const product = (handle: string) => store.fixture.products[handle]

    beforeEach(async () => {
      store = await setupStore(getContainer(), api, {
        products: [...DEMO_PRODUCTS, { title: "Premium Box", handle: "premium-box", price: 1288, description: "1,288" }],
      })
      const pk = store.fixture.publishable_key
      L2 = await loginShopper(getContainer(), api, pk, "l2@fission.test")
      L1 = await loginShopper(getContainer(), api, pk, "l1@fission.test")
      buyer = await loginShopper(getContainer(), api, pk, "buyer@fission.test")
      const distribution: any = getContainer().resolve(DISTRIBUTION_MODULE)
      await distribution.createReferrals([
        { customer_id: L1.customer.id, referrer_id: L2.customer.id, source: "admin", bound_at: new Date() },
        { customer_id: buyer.customer.id, referrer_id: L1.customer.id, source: "admin", bound_at: new Date() },
      ])
      await distribution.createProductCommissions([
        { product_id: product("premium-box").product_id, mode: "fixed", level1: 130, level2: 60 },
        { product_id: product("package-899").product_id, mode: "fixed", level1: 100, level2: 50 },
      ])
      await api.post("/admin/fission/membership/settings", { points_per_currency_unit: 2 }, admin())
    })

    const buy = async (items: { handle: string; quantity: number }[]) => {
      const order = await placeOrder(
        api,
        buyer.headers,
        store.fixture,
        items.map((i) => ({ variant_id: product(i.handle).variant_id, quantity: i.quantity }))
      )
      await captureOrder(api, store.adminHeaders, order.id)
      return order
    }
    const lineOf = (order: any, handle: string) => order.items.find((i: any) => i.variant_id === product(handle).variant_id)

    it("2 × 1,288 + shipping 10, refund 1,288 → exactly one unit's 130 / 60 (and half the points)", async () => {
      const order = await buy([{ handle: "premium-box", quantity: 2 }])
      await waitFor(points, (p) => p === 5152)
      await waitFor(() => owed(L2), (v) => v === 120)
      expect(await owed(L1)).toBe(260)

      await refundOrder(api, store.adminHeaders, order.id, 1288)
      await waitFor(() => owed(L1), (v) => v === 130)
      await waitFor(() => owed(L2), (v) => v === 60)
      await waitFor(points, (p) => p === 2576)

      const { data } = await api.get("/store/fission/commissions", { headers: L1.headers })
      expect(data.commissions.map((c: any) => [c.amount, c.reversed_amount])).toEqual([[260, 130]])
      expect(await ledgerOk()).toBe(true)
    })

    it("a 1,288 item earning 2,576 points, refund 322 → exactly 644 points reversed", async () => {
      const order = await buy([{ handle: "premium-box", quantity: 1 }])
      await waitFor(points, (p) => p === 2576)
      await refundOrder(api, store.adminHeaders, order.id, 322)
      await waitFor(points, (p) => p === 1932)
      expect((await balance(buyer, "growth")).posted).toBe(1288 - 322)
      // the same refund delivered again reverses nothing more
      const paymentId = (await api.get(`/admin/orders/${order.id}?fields=*payment_collections.payments`, admin())).data.order
        .payment_collections[0].payments[0].id
      await deliverEvent(getContainer(), "payment.refunded", { id: paymentId })
      expect(await points()).toBe(1932)
      expect(await owed(L1)).toBe(97.5) // 130 × 3/4
    })

    it("a full refund including shipping reverses everything, never more — a later cancel adds nothing", async () => {
      const order = await buy([{ handle: "premium-box", quantity: 1 }, { handle: "package-899", quantity: 1 }])
      await waitFor(points, (p) => p === 4374)
      await waitFor(() => owed(L1), (v) => v === 230)
      await refundOrder(api, store.adminHeaders, order.id, 1288 + 899 + 10)
      await waitFor(points, (p) => p === 0)
      await waitFor(() => owed(L1), (v) => v === 0)
      await waitFor(() => owed(L2), (v) => v === 0)
      await api.post(`/admin/orders/${order.id}/cancel`, {}, admin())
      await deliverEvent(getContainer(), "order.canceled", { id: order.id })
      for (const who of [L1, L2]) expect(await balance(who, "commission")).toMatchObject({ posted: 0, pending_in: 0, debt: 0 })
      expect(await balance(buyer, "points")).toMatchObject({ posted: 0, debt: 0 })
      expect((await balance(buyer, "growth")).posted).toBe(0)
      expect(await ledgerOk()).toBe(true)
    })

    it("return of one of two lines, then its refund → only that line's earnings are reversed", async () => {
      const order = await buy([{ handle: "premium-box", quantity: 1 }, { handle: "package-899", quantity: 1 }])
      await waitFor(() => owed(L1), (v) => v === 230)
      await waitFor(points, (p) => p === 4374)
      await deliverOrder(api, store.adminHeaders, order.id, store.fixture.stock_location_id)
      await returnItems(api, store.adminHeaders, order.id, store.fixture.stock_location_id, [
        { id: lineOf(order, "package-899").id, quantity: 1 },
      ])
      // the package's 100 / 50 go, the box's 130 / 60 stay; points: 899 of 2,187 merchandise = 1,798
      await waitFor(() => owed(L1), (v) => v === 130)
      await waitFor(() => owed(L2), (v) => v === 60)
      await waitFor(points, (p) => p === 4374 - 1798)

      // the refund that pays for the return reverses nothing a second time
      const paymentId = await refundOrder(api, store.adminHeaders, order.id, 899)
      await deliverEvent(getContainer(), "payment.refunded", { id: paymentId })
      expect(await owed(L1)).toBe(130)
      expect(await owed(L2)).toBe(60)
      expect(await points()).toBe(2576)
      expect(await ledgerOk()).toBe(true)
    })

    it("a goodwill refund with no return reverses every line in proportion", async () => {
      const order = await buy([{ handle: "premium-box", quantity: 1 }, { handle: "package-899", quantity: 1 }])
      await waitFor(() => owed(L1), (v) => v === 230)
      await waitFor(points, (p) => p === 4374)
      // 218.7 = 10 % of the 2,187 merchandise
      await refundOrder(api, store.adminHeaders, order.id, 218.7)
      await waitFor(() => owed(L1), (v) => v === 207) // 230 − (13 + 10)
      await waitFor(() => owed(L2), (v) => v === 99) // 110 − (6 + 5)
      await waitFor(points, (p) => p === 4374 - 437)
      const { data } = await api.get("/store/fission/commissions", { headers: L1.headers })
      expect(data.commissions.map((c: any) => [c.amount, c.reversed_amount]).sort()).toEqual([
        [100, 10],
        [130, 13],
      ])
      expect(await ledgerOk()).toBe(true)
    })
  },
})
