import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, getResolvedPlugins } from "@medusajs/framework/utils"
import { loginShopper } from "../helpers/actors"
import { captureOrder, placeOrder, prepareCart } from "../helpers/checkout"
import { setupStore, StoreSetup } from "../helpers/setup"

jest.setTimeout(120_000)

const FISSION_PLUGINS = ["core", "distribution", "rebates", "group-draw", "presale", "blind-box", "membership"]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup

    beforeEach(async () => {
      store = await setupStore(getContainer(), api)
    })

    it("boots the host app with every Fission plugin and the loyalty plugin built and loaded", async () => {
      const health = await api.get("/health")
      expect(health.status).toBe(200)

      const config = getContainer().resolve(ContainerRegistrationKeys.CONFIG_MODULE)
      const plugins = await getResolvedPlugins(process.cwd(), config)
      const byName = Object.fromEntries(plugins.map((p) => [p.name, p]))
      for (const name of FISSION_PLUGINS) {
        const plugin = byName[`@fission/${name}`]
        expect(plugin).toBeDefined()
        // Medusa only loads a plugin from its build output.
        expect(plugin.resolve).toBe(path.join(process.cwd(), "plugins", name, ".medusa", "server", "src"))
      }
      expect(byName["@medusajs/loyalty-plugin"]).toBeDefined()
    })

    it("places a real order through the Store API cart flow and the admin captures it", async () => {
      const { customer, headers } = await loginShopper(getContainer(), api, store.fixture.publishable_key, "buyer@fission.test")
      const pkg = store.fixture.products["package-899"]

      const order = await placeOrder(api, headers, store.fixture, [{ variant_id: pkg.variant_id, quantity: 1 }])
      expect(order.items).toHaveLength(1)
      expect(order.items[0].unit_price).toBe(899)
      expect(order.total).toBe(909) // 899 + 10 shipping, no tax in the CN tax region

      await captureOrder(api, store.adminHeaders, order.id)
      const {
        data: { order: paid },
      } = await api.get(`/admin/orders/${order.id}?fields=customer_id,payment_status,*payment_collections.payments`, {
        headers: store.adminHeaders,
      })
      expect(paid.customer_id).toBe(customer.id)
      expect(paid.payment_status).toBe("captured")
      expect(paid.payment_collections[0].payments[0].captured_at).toBeTruthy()
    })

    it("credits a customer's loyalty store credit and spends it on a cart through the loyalty plugin", async () => {
      const { customer, headers } = await loginShopper(getContainer(), api, store.fixture.publishable_key, "credit@fission.test")
      const {
        data: { store_credit_account: account },
      } = await api.post(
        "/admin/store-credit-accounts",
        { currency_code: "cny", customer_id: customer.id },
        { headers: store.adminHeaders }
      )
      await api.post(`/admin/store-credit-accounts/${account.id}/credit`, { amount: 50, note: "test" }, { headers: store.adminHeaders })

      const tea = store.fixture.products["tea-gift-box"]
      const order = await placeOrder(api, headers, store.fixture, [{ variant_id: tea.variant_id, quantity: 1 }], {
        beforeComplete: async (cartId) => {
          const { data } = await api.post(`/store/carts/${cartId}/store-credits`, { amount: 50 }, { headers })
          expect(data.cart.credit_line_total).toBe(50)
        },
      })

      expect(order.total).toBe(109 - 50)
      const {
        data: { store_credit_accounts },
      } = await api.get("/store/store-credit-accounts?currency_code=cny", { headers })
      expect(store_credit_accounts[0].balance).toBe(0)
      expect(store_credit_accounts[0].debits).toBe(50)
    })

    it("rejects store routes without a publishable key (4xx, not 500)", async () => {
      const error = await api.post("/store/carts", { region_id: store.fixture.region_id }).catch((e: any) => e)
      expect(error.response.status).toBe(400)
    })
  },
})
