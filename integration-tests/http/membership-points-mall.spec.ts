import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { loginShopper } from "../helpers/actors"
import { setupStore, StoreSetup } from "../helpers/setup"
import { Modules } from "@medusajs/framework/utils"
import { runWorkflow } from "../helpers/workflows"

jest.setTimeout(240_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    let alice: any
    let bob: any
    const admin = () => ({ headers: store.adminHeaders })

    /** A template the admin made in Medusa's Promotions UI: 10 off the order, kept as a draft. */
    const createTemplate = async (code = "TPL10") =>
      (
        await api.post(
          "/admin/promotions",
          {
            code,
            type: "standard",
            status: "draft",
            application_method: { type: "fixed", target_type: "order", allocation: "across", value: 10, currency_code: "cny" },
          },
          admin()
        )
      ).data.promotion

    /** A cart of the shopper with one tea gift box (99) and the code applied; returns the cart. */
    const cartWithCode = async (shopper: any, code: string) => {
      const headers = shopper.headers
      const { cart } = (await api.post("/store/carts", { region_id: store.fixture.region_id }, { headers })).data
      await api.post(
        `/store/carts/${cart.id}/line-items`,
        { variant_id: store.fixture.products["tea-gift-box"].variant_id, quantity: 1 },
        { headers }
      )
      const res = await api
        .post(`/store/carts/${cart.id}/promotions`, { promo_codes: [code] }, { headers })
        .catch((e: any) => e.response)
      const { data } = await api.get(`/store/carts/${cart.id}?fields=+promotions.code,+discount_total,+total`, { headers })
      return { status: res.status, cart: data.cart }
    }

    /** Runs a workflow by name and returns its first error (or fails the test when it succeeds). */
    const failureOf = async (name: string, input: unknown) => {
      const ret: any = await getContainer().resolve(Modules.WORKFLOW_ENGINE).run(name, { input, throwOnError: false })
      const error = ret.errors?.[0]?.error ?? ret.thrownError
      if (!error) throw new Error(`${name} succeeded: ${JSON.stringify(Object.keys(ret))} ${JSON.stringify(ret.result)}`)
      return error
    }

    beforeEach(async () => {
      store = await setupStore(getContainer(), api)
      alice = await loginShopper(getContainer(), api, store.fixture.publishable_key, "alice@fission.test")
      bob = await loginShopper(getContainer(), api, store.fixture.publishable_key, "bob@fission.test")
    })

    it("grantCouponWorkflow: a single-use code for one customer, idempotent on the key", async () => {
      const template = await createTemplate()
      const input = {
        customer_id: alice.customer.id,
        template_promotion_id: template.id,
        idempotency_key: "test:grant:1",
        reason: "test",
      }
      const granted: any = await runWorkflow(getContainer(), "fission-membership-grant-coupon", input)
      expect(granted.code).toMatch(/^FM-[A-Z0-9]{10}$/)
      const replay: any = await runWorkflow(getContainer(), "fission-membership-grant-coupon", input)
      expect(replay).toEqual(granted)

      const { data } = await api.get(`/admin/promotions/${granted.promotion_id}?fields=+limit,*rules,*rules.values`, admin())
      expect(data.promotion.limit).toBe(1)
      expect(data.promotion.status).toBe("active")

      const mine = await cartWithCode(alice, granted.code)
      expect(mine.cart.promotions.map((p: any) => p.code)).toEqual([granted.code])
      expect(mine.cart.discount_total).toBe(10)
      expect(mine.cart.total).toBe(89)

      const theirs = await cartWithCode(bob, granted.code)
      expect(theirs.cart.promotions).toEqual([])
      expect(theirs.cart.discount_total).toBe(0)

      // the same key for another customer is refused, nothing created
      const conflict = await failureOf("fission-membership-grant-coupon", { ...input, customer_id: bob.customer.id })
      expect(conflict.message).toMatch(/already used/)
      const { data: list } = await api.get(`/admin/promotions?limit=50`, admin())
      expect(list.promotions.length).toBe(2)
    })

    it("grantCouponWorkflow: an unknown template is a not-found error and leaves nothing behind", async () => {
      const input = { customer_id: alice.customer.id, template_promotion_id: "promo_missing", idempotency_key: "k", reason: "t" }
      const missing = await failureOf("fission-membership-grant-coupon", input)
      expect(missing.message).toMatch(/was not found/)
      // the key was released by the compensation: a later grant with a real template works
      const template = await createTemplate()
      const granted: any = await runWorkflow(getContainer(), "fission-membership-grant-coupon", {
        ...input,
        template_promotion_id: template.id,
      })
      expect(granted.code).toMatch(/^FM-/)
    })
  },
})
