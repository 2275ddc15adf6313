import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, getResolvedPlugins, MedusaError, Modules } from "@medusajs/framework/utils"
// The source copy of the registry, not the built one the app loaded: both must
// share the registry through globalThis for this check to reach the app.
import { listCartChecks, registerCartCheck, unregisterCartCheck } from "../../plugins/core/src/utils/cart-checks"
import { loginShopper } from "../helpers/actors"
import { prepareCart } from "../helpers/checkout"
import { setupStore, StoreSetup } from "../helpers/setup"

jest.setTimeout(120_000)

const REJECT_MESSAGE = "Fission test check: carts flagged fission_test_reject cannot be completed"
const seen: { cart_id: string; has_container: boolean }[] = []

registerCartCheck("test:reject-flagged", ({ cart, container }) => {
  seen.push({ cart_id: cart.id, has_container: typeof container?.resolve === "function" })
  if (cart.metadata?.fission_test_reject === true) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, REJECT_MESSAGE)
  }
})

const FISSION_PLUGINS = ["core", "distribution", "rebates", "group-draw", "presale", "blind-box", "membership"]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    let headers: Record<string, string>
    let variantId: string

    beforeEach(async () => {
      store = await setupStore(getContainer(), api)
      headers = (await loginShopper(getContainer(), api, store.fixture.publishable_key, "hooks@fission.test")).headers
      variantId = store.fixture.products["package-899"].variant_id
      seen.length = 0
    })

    const cartWith = (metadata?: Record<string, unknown>) =>
      prepareCart(api, headers, store.fixture, [{ variant_id: variantId, quantity: 1 }], {
        beforeComplete: metadata
          ? async (cartId) => {
              await api.post(`/store/carts/${cartId}`, { metadata }, { headers })
            }
          : undefined,
      })

    const orderCount = async () =>
      (await api.get("/admin/orders?fields=id", { headers: store.adminHeaders })).data.count as number

    it("boots the loyalty plugin and every Fission plugin together (one owner per completeCartWorkflow hook)", async () => {
      expect((await api.get("/health")).status).toBe(200)
      const config = getContainer().resolve(ContainerRegistrationKeys.CONFIG_MODULE)
      const names = (await getResolvedPlugins(process.cwd(), config)).map((p) => p.name)
      expect(names).toEqual(expect.arrayContaining(["@medusajs/loyalty-plugin", ...FISSION_PLUGINS.map((n) => `@fission/${n}`)]))
      expect(listCartChecks().map((c) => c.name)).toContain("test:reject-flagged")
    })

    it("rejects a cart a registered check refuses: 4xx with the check's message, no order", async () => {
      const cartId = await cartWith({ fission_test_reject: true })
      const error = await api.post(`/store/carts/${cartId}/complete`, {}, { headers }).catch((e: any) => e)

      expect(error.response?.status).toBe(400)
      expect(error.response.data).toMatchObject({ type: "not_allowed", message: REJECT_MESSAGE })
      expect(seen).toEqual([{ cart_id: cartId, has_container: true }])

      expect(await orderCount()).toBe(0)
      const { data } = await api.get(`/store/carts/${cartId}`, { headers })
      expect(data.cart.completed_at).toBeNull()
    })

    it("completes a normal cart after running the checks", async () => {
      const cartId = await cartWith({ fission_test_reject: false })
      const { status, data } = await api.post(`/store/carts/${cartId}/complete`, {}, { headers })

      expect(status).toBe(200)
      expect(data.type).toBe("order")
      expect(data.order.total).toBe(909)
      expect(seen.map((s) => s.cart_id)).toEqual([cartId])
      expect(await orderCount()).toBe(1)
    })

    it("refuses a campaign line from a guest checkout and from an admin's customer account (every campaign plugin inherits it)", async () => {
      const tea = store.fixture.products["tea-gift-box"]
      const { data } = await api.post(
        "/admin/fission/group-draws",
        { title: "Guest test", variant_id: tea.variant_id, price: tea.price, currency_code: "cny", status: "active", group_size: 3, winners: 1 },
        { headers: store.adminHeaders }
      )
      const seat = [{ variant_id: tea.variant_id, quantity: 1, metadata: { group_draw_campaign_id: data.group_draw.id } }]
      const before = await orderCount()

      // a guest: only the publishable key and an e-mail on the cart (Medusa creates a customer record for it)
      const guestCart = await prepareCart(api, store.storeHeaders, store.fixture, seat, {
        beforeComplete: async (cartId) => {
          await api.post(`/store/carts/${cartId}`, { email: "guest@fission.test" }, { headers: store.storeHeaders })
        },
      })
      const guest = await api.post(`/store/carts/${guestCart}/complete`, {}, { headers: store.storeHeaders }).catch((e: any) => e.response)
      expect(guest.status).toBe(400)
      expect(guest.data.message).toBe("Log in with a registered account to join a campaign")

      // a registered customer whose e-mail belongs to an admin user
      const operator = await loginShopper(getContainer(), api, store.fixture.publishable_key, "operator@fission.test")
      await getContainer().resolve(Modules.USER).createUsers([{ email: "operator@fission.test" }])
      const adminCart = await prepareCart(api, operator.headers, store.fixture, seat)
      const refused = await api.post(`/store/carts/${adminCart}/complete`, {}, { headers: operator.headers }).catch((e: any) => e.response)
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe("Admin accounts cannot join campaigns")

      // the same line from an ordinary logged-in shopper completes
      const ok = await api.post(`/store/carts/${await prepareCart(api, headers, store.fixture, seat)}/complete`, {}, { headers })
      expect(ok.data.type).toBe("order")
      expect(await orderCount()).toBe(before + 1)
    })

    it("does not re-run checks when an already completed cart is completed again (idempotent retry)", async () => {
      const cartId = await cartWith()
      const first = await api.post(`/store/carts/${cartId}/complete`, {}, { headers })
      expect(first.data.type).toBe("order")

      registerCartCheck("test:reject-everything", () => {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "nothing may complete now")
      })
      try {
        const again = await api.post(`/store/carts/${cartId}/complete`, {}, { headers })
        expect(again.status).toBe(200)
        expect(again.data.order.id).toBe(first.data.order.id)

        // A new cart is rejected by the same check: it is live in the app.
        const other = await cartWith()
        const error = await api.post(`/store/carts/${other}/complete`, {}, { headers }).catch((e: any) => e)
        expect(error.response?.status).toBe(400)
        expect(error.response.data.message).toBe("nothing may complete now")
      } finally {
        unregisterCartCheck("test:reject-everything")
      }
      expect(await orderCount()).toBe(1)
    })
  },
})
