import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { loginShopper } from "../helpers/actors"
import { captureOrder, SHIPPING_ADDRESS } from "../helpers/checkout"
import { setupStore, StoreSetup } from "../helpers/setup"
import { plainRequestErrors } from "../helpers/errors"
import { waitFor } from "../helpers/wait"

jest.setTimeout(900_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    const admin = () => ({ headers: store.adminHeaders })

    beforeEach(async () => {
      plainRequestErrors(api)
      store = await setupStore(getContainer(), api)
    })

    const prepare = async (who: any, presaleId: string) => {
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
      if (data.type !== "order") throw new Error(JSON.stringify(data.error))
      return { order: data.order, price: Number(added.cart.items[0].unit_price) }
    }
    const detail = async (id: string) => (await api.get(`/admin/fission/presales/${id}`, admin())).data.presale

    it("20 buyers paying across two thresholds at once: numbers unique and gapless, tiers, draws and refunds exact", async () => {
      const product = store.fixture.products[Object.keys(store.fixture.products)[0]]
      const { data } = await api.post(
        "/admin/fission/presales",
        {
          title: "Race",
          variant_id: product.variant_id,
          currency_code: "cny",
          base_price: 100,
          step_amount: 5,
          step_interval: 10,
          max_steps: 10,
          free_interval: 10,
          ends_at: new Date(Date.now() + 86_400_000).toISOString(),
          status: "active",
        },
        admin()
      )
      const presale = data.presale
      const people: any[] = []
      for (let i = 0; i < 26; i++) people.push(await loginShopper(getContainer(), api, store.fixture.publishable_key, `race${i}@fission.test`))

      // 6 join one after another
      for (const [i, who] of people.slice(0, 6).entries()) {
        const { order } = await prepare(who, presale.id)
        await captureOrder(api, store.adminHeaders, order.id)
        await waitFor(() => detail(presale.id), (p: any) => p.participants === i + 1)
      }
      // 20 more check out at 100 while the count is 6, then all 20 payments are captured at once
      const orders: any[] = []
      for (const who of people.slice(6)) {
        const { order, price } = await prepare(who, presale.id)
        expect(price).toBe(100)
        orders.push(order)
      }
      await Promise.all(orders.map((o) => captureOrder(api, store.adminHeaders, o.id)))

      const final = await waitFor(() => detail(presale.id), (p: any) => p.participants === 26 && p.free_orders_drawn === 2, { timeout: 180_000 })
      expect(final).toMatchObject({ current_price: 90, level: 2 })
      const { data: list } = await api.get(`/admin/fission/presales/${presale.id}/participants?limit=100`, admin())
      expect(list.participants.map((p: any) => p.number)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1))
      expect(new Set(list.participants.map((p: any) => p.order_id)).size).toBe(26)

      // everyone paid 100: non-winners are owed 10 (two steps), the 2 winners 100
      const requests = await waitFor(
        async () => {
          const all: any[] = []
          for (let offset = 0; ; offset += 100) {
            const { data } = await api.get(`/admin/fission/refund-requests?source_type=presale.campaign&source_id=${presale.id}&limit=100&offset=${offset}`, admin())
            all.push(...data.refund_requests)
            if (all.length >= data.count || !data.refund_requests.length) return all
          }
        },
        (rs: any[]) => rs.length > 0 && rs.every((r) => r.status === "succeeded") && rs.reduce((s, r) => s + Number(r.refunded_amount), 0) >= 440,
        { timeout: 240_000, every: 500 }
      )
      expect(requests.reduce((s: number, r: any) => s + Number(r.refunded_amount), 0)).toBe(24 * 10 + 2 * 100)
      const winners = list.participants.filter((p: any) => p.free_order)
      expect(winners).toHaveLength(2)
      for (const p of list.participants) {
        const { data: o } = await api.get(`/admin/orders/${p.order_id}?fields=id,*payment_collections.payments,*payment_collections.payments.refunds`, admin())
        const refunded = o.order.payment_collections
          .flatMap((c: any) => c.payments)
          .flatMap((x: any) => x.refunds ?? [])
          .reduce((s: number, r: any) => s + Number(r.amount), 0)
        expect(refunded).toBe(p.free_order ? 100 : 10)
      }
      // the two rounds: 10 entrants, then 19 (20 minus round 0's winner)
      const { data: draws } = await api.get(`/store/fission/presales/${presale.id}/draws`, { headers: store.storeHeaders })
      expect(draws.draws.map((d: any) => [d.round, d.entrants]).sort()).toEqual([
        [0, 10],
        [1, 19],
      ])
    })
  },
})
