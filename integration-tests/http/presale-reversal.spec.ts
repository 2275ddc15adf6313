import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { DISTRIBUTION_MODULE } from "../../plugins/distribution/src/modules/distribution"
import { loginShopper } from "../helpers/actors"
import { captureOrder, SHIPPING_ADDRESS } from "../helpers/checkout"
import { plainRequestErrors } from "../helpers/errors"
import { deliverEvent } from "../helpers/events"
import { setupStore, StoreSetup } from "../helpers/setup"
import { waitFor } from "../helpers/wait"

jest.setTimeout(600_000)

const DAY = 86_400_000

/**
 * Issue 14 / SPEC §0.4 + §5: the commission and points of a pre-sale order follow what the
 * buyer finally paid. Base 200, step 20 per 2 participants, max 2 steps, no free orders,
 * each_step. A (bound to R, 30 direct per unit of the product, 1 point per unit) pays 200;
 * B's join crosses step 1, D's step 2: A gets 20 back twice through core's refund requests
 * (real Medusa refunds), so R keeps 30 × 160/200 = 24 and A keeps 160 of 200 points.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    let R: any, A: any, B: any, C: any, D: any
    const admin = () => ({ headers: store.adminHeaders })
    const oranges = () => store.fixture.products["navel-oranges-10-jin"]
    const balance = async (who: any, asset: string) =>
      (await api.get("/store/fission/wallet", { headers: who.headers })).data.wallet.balances.find((b: any) => b.asset === asset)
    // pending until delivery + freeze: what R is owed either way
    const owed = async () => {
      const b = await balance(R, "commission")
      return Math.round((b.pending_in + b.posted) * 100) / 100
    }
    const points = async () => (await balance(A, "points")).posted
    const ledgerOk = async () => (await api.get("/admin/fission/ledger/reconciliation", admin())).data.reconciliation.ok

    beforeEach(async () => {
      plainRequestErrors(api)
      store = await setupStore(getContainer(), api)
      const pk = store.fixture.publishable_key
      ;[R, A, B, C, D] = await Promise.all(["r", "a", "b", "c", "d"].map((n) => loginShopper(getContainer(), api, pk, `pr-${n}@fission.test`)))
      const distribution: any = getContainer().resolve(DISTRIBUTION_MODULE)
      await distribution.createReferrals([{ customer_id: A.customer.id, referrer_id: R.customer.id, source: "admin", bound_at: new Date() }])
      await distribution.createProductCommissions({ product_id: oranges().product_id, mode: "fixed", level1: 30, level2: 0 })
    })

    /** A real storefront checkout of the pre-sale item at the tier price, captured by the admin. */
    const join = async (who: any, presaleId: string) => {
      const headers = who.headers
      const { data: created } = await api.post("/store/carts", { region_id: store.fixture.region_id }, { headers })
      const cartId = created.cart.id
      const { data: added } = await api.post(`/store/fission/presales/${presaleId}/line-items`, { cart_id: cartId }, { headers })
      await api.post(`/store/carts/${cartId}`, { shipping_address: SHIPPING_ADDRESS }, { headers })
      const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, { headers })
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: options.shipping_options[0].id }, { headers })
      const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, { headers })
      await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, { headers })
      const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, { headers })
      if (data.type !== "order") throw new Error(`cart ${cartId} did not complete: ${JSON.stringify(data.error)}`)
      await captureOrder(api, store.adminHeaders, data.order.id)
      return { order: data.order, price: Number(added.cart.items[0].unit_price) }
    }
    const detail = async (id: string) => (await api.get(`/admin/fission/presales/${id}`, admin())).data.presale
    const requests = async (id: string) =>
      (await api.get(`/admin/fission/refund-requests?source_type=presale.campaign&source_id=${id}&limit=100`, admin())).data.refund_requests
    const settled = (id: string, n: number) =>
      waitFor(() => requests(id), (rs: any[]) => rs.length === n && rs.every((r) => r.status === "succeeded"), { timeout: 120_000, every: 500 })
    /** The order's payment and its refunds, from Medusa itself. */
    const medusaRefunds = async (orderId: string) => {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=*payment_collections.payments,*payment_collections.payments.refunds`, admin())
      const payment = data.order.payment_collections[0].payments[0]
      return { paymentId: payment.id, amounts: (payment.refunds ?? []).map((r: any) => Number(r.amount)) }
    }

    it("A's referrer commission and order points are reversed by exactly A's share of each step refund, once", async () => {
      const { data } = await api.post(
        "/admin/fission/presales",
        {
          title: "Orange pre-sale, reversal check",
          variant_id: oranges().variant_id,
          currency_code: "cny",
          base_price: 200,
          step_amount: 20,
          step_interval: 2,
          max_steps: 2,
          free_interval: null,
          ends_at: new Date(Date.now() + 7 * DAY).toISOString(),
          status: "active",
        },
        admin()
      )
      const presale = data.presale
      expect(presale).toMatchObject({ current_price: 200, next_rebate_threshold: 2, next_free_draw_at: null })

      // A pays 200 (+ 10 shipping): R is owed 30, A earns 200 points (shipping earns none)
      const a = await join(A, presale.id)
      expect(a.price).toBe(200)
      await waitFor(owed, (v) => v === 30)
      await waitFor(points, (p) => p === 200)
      await waitFor(() => detail(presale.id), (p) => p.participants === 1)

      // B's join crosses step 1: A and B get 20 back each → R keeps 27, A keeps 180 points
      expect((await join(B, presale.id)).price).toBe(200)
      await settled(presale.id, 2)
      await waitFor(owed, (v) => v === 27)
      await waitFor(points, (p) => p === 180)

      // C and D pay 180; D's join crosses step 2 (the last): all four get 20 more → R keeps 24, A 160 points
      expect((await join(C, presale.id)).price).toBe(180)
      await waitFor(() => detail(presale.id), (p) => p.participants === 3)
      expect((await join(D, presale.id)).price).toBe(180)
      await settled(presale.id, 6)
      await waitFor(owed, (v) => v === 24)
      await waitFor(points, (p) => p === 160)
      expect((await balance(A, "growth")).posted).toBe(160)

      const medusa = await medusaRefunds(a.order.id)
      expect(medusa.amounts).toEqual([20, 20])
      const { data: commissions } = await api.get("/store/fission/commissions", { headers: R.headers })
      expect(commissions.commissions.map((c: any) => [c.amount, c.reversed_amount])).toEqual([[30, 6]])
      const d = await detail(presale.id)
      expect(d).toMatchObject({ current_price: 160, participants: 4 })
      expect(d.totals).toMatchObject({ paid: 760, refunded: 120, revenue: 640 })

      // redelivered: Medusa's refund event and core's refund requests for A's order → nothing moves
      await deliverEvent(getContainer(), "payment.refunded", { id: medusa.paymentId })
      const mine = (await requests(presale.id)).filter((r: any) => r.order_id === a.order.id)
      expect(mine).toHaveLength(2)
      await deliverEvent(getContainer(), "fission.refund.requested", { ids: mine.map((r: any) => r.id) })
      expect((await medusaRefunds(a.order.id)).amounts).toEqual([20, 20])
      expect(await requests(presale.id)).toHaveLength(6)
      expect(await owed()).toBe(24)
      expect(await points()).toBe(160)
      expect(await ledgerOk()).toBe(true)
    })
  },
})
