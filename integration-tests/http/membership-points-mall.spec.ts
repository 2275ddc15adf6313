import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { loginShopper } from "../helpers/actors"
import { captureOrder, placeOrder, prepareCart } from "../helpers/checkout"
import { waitFor } from "../helpers/wait"
import { setupStore, StoreSetup } from "../helpers/setup"
import { deliverEvent } from "../helpers/events"
import { runJob, runWorkflow } from "../helpers/workflows"

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

    const fail = (p: Promise<any>) => p.then((r) => ({ status: r.status, data: r.data })).catch((e: any) => e.response)
    const givePoints = (who: any, amount: number, key = `test:points:${who.customer.id}:${amount}`) =>
      api.post(
        "/admin/fission/ledger/adjustments",
        { customer_id: who.customer.id, asset: "points", amount, reason: "test", idempotency_key: key },
        admin()
      )
    const points = async (who: any) =>
      (await api.get("/store/fission/wallet", { headers: who.headers })).data.wallet.balances.find((b: any) => b.asset === "points")
    const storeCredit = async (who: any) => {
      const { data } = await api.get("/store/store-credit-accounts?currency_code=cny", { headers: who.headers })
      return Number(data.store_credit_accounts[0]?.balance ?? 0)
    }
    const ledgerOk = async () => (await api.get("/admin/fission/ledger/reconciliation", admin())).data.reconciliation
    const createItem = async (body: Record<string, unknown>) =>
      (await api.post("/admin/fission/points-mall/items", { title: "item", ...body }, admin())).data.item
    const getItem = async (id: string) => (await api.get(`/admin/fission/points-mall/items/${id}`, admin())).data.item
    const redeem = (who: any, itemId: string, key?: string) =>
      fail(
        api.post(`/store/fission/points-mall/${itemId}/redeem`, {}, { headers: { ...who.headers, ...(key ? { "idempotency-key": key } : {}) } })
      )
    const tea = () => store.fixture.products["tea-gift-box"]
    const dates = () => store.fixture.products["red-date-snack-pack"]

    /** Runs a workflow by name and returns its first error (or fails the test when it succeeds). */
    const failureOf = (name: string, input: unknown) =>
      runWorkflow(getContainer(), name, input).then(
        (result) => {
          throw new Error(`${name} succeeded: ${JSON.stringify(result)}`)
        },
        (error) => error
      )

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

    it("redeems a coupon item: points debited, the code works for the redeemer only, the Idempotency-Key replays", async () => {
      const template = await createTemplate()
      const item = await createItem({ kind: "coupon", points_cost: 300, template_promotion_id: template.id, stock: 5, per_customer_limit: 2 })
      await givePoints(alice, 1000)

      const listed = (await api.get("/store/fission/points-mall", { headers: alice.headers })).data.items
      expect(listed).toEqual([expect.objectContaining({ id: item.id, eligible: true, remaining_for_me: 2, stock: 5 })])

      const first = await redeem(alice, item.id, "tap-1")
      expect(first.status).toBe(201)
      expect(first.data.redemption).toMatchObject({ item_id: item.id, kind: "coupon", points: 300, status: "completed" })
      expect(first.data.redemption.code).toMatch(/^FM-/)
      const replay = await redeem(alice, item.id, "tap-1")
      expect(replay.data.redemption).toEqual(first.data.redemption)
      expect((await points(alice)).available).toBe(700)
      expect(await getItem(item.id)).toMatchObject({ stock: 4, redeemed_count: 1 })

      const mine = await cartWithCode(alice, first.data.redemption.code)
      expect(mine.cart.discount_total).toBe(10)
      const theirs = await cartWithCode(bob, first.data.redemption.code)
      expect(theirs.cart.discount_total).toBe(0)

      const history = (await api.get(`/admin/fission/points-mall/redemptions?customer_id=${alice.customer.id}`, admin())).data
      expect(history.count).toBe(1)
      expect(history.redemptions[0]).toMatchObject({ id: first.data.redemption.id, code: first.data.redemption.code })

      const coupons = (await api.get("/store/fission/coupons", { headers: alice.headers })).data.coupons
      expect(coupons).toEqual([expect.objectContaining({ code: first.data.redemption.code, reason: "points_mall.redemption", used: false })])
      expect((await ledgerOk()).ok).toBe(true)
    })

    it("defect 5: a replayed Idempotency-Key returns the first redemption even after it used up the stock or the limit", async () => {
      const template = await createTemplate()
      await givePoints(alice, 1000)
      /** Redeems with `key`, replays it (the first redemption back), then another key is refused with `refusal`. */
      const replayAfterLast = async (item: any, key: string, refusal: [number, string]) => {
        const first = await redeem(alice, item.id, key)
        expect(first.status).toBe(201)
        const replay = await redeem(alice, item.id, key)
        expect([replay.status, replay.data.redemption]).toEqual([201, first.data.redemption])
        const another = await redeem(alice, item.id, `${key}-other`)
        expect([another.status, another.data.code]).toEqual(refusal)
      }
      const lastOne = await createItem({ kind: "coupon", points_cost: 100, template_promotion_id: template.id, stock: 1 })
      await replayAfterLast(lastOne, "tap-K", [400, "out_of_stock"])
      const oncePerCustomer = await createItem({ kind: "coupon", points_cost: 100, template_promotion_id: template.id, per_customer_limit: 1 })
      await replayAfterLast(oncePerCustomer, "tap-M", [400, "limit_reached"])
      // the key belongs to its item: the same key on another item is refused, not answered with the wrong redemption
      const reused = await redeem(alice, oncePerCustomer.id, "tap-K")
      expect([reused.status, reused.data.code]).toEqual([422, "idempotency_key_reused"])

      // points were debited once per redemption, stock and usage once
      expect((await points(alice)).available).toBe(800)
      expect(await getItem(lastOne.id)).toMatchObject({ stock: 0, redeemed_count: 1 })
      expect(await getItem(oncePerCustomer.id)).toMatchObject({ redeemed_count: 1 })
      expect((await api.get(`/admin/fission/points-mall/redemptions?customer_id=${alice.customer.id}`, admin())).data.count).toBe(2)
      expect((await ledgerOk()).ok).toBe(true)
    })

    it("defect 5: parallel requests with one Idempotency-Key redeem once", async () => {
      const template = await createTemplate()
      const item = await createItem({ kind: "coupon", points_cost: 100, template_promotion_id: template.id, stock: 1 })
      await givePoints(alice, 1000)
      const results = await Promise.all(Array.from({ length: 6 }, () => redeem(alice, item.id, "double-tap")))
      const ok = results.filter((r) => r.status === 201)
      expect(ok.length).toBeGreaterThanOrEqual(1)
      expect(new Set(ok.map((r) => r.data.redemption.id)).size).toBe(1)
      // the others arrived while the first was still running: told so, not refused for stock
      for (const r of results.filter((r) => r.status !== 201)) expect([r.status, r.data.code]).toEqual([422, "redemption_in_progress"])
      const settled = await redeem(alice, item.id, "double-tap")
      expect([settled.status, settled.data.redemption.id]).toEqual([201, ok[0].data.redemption.id])
      expect((await points(alice)).available).toBe(900)
      expect(await getItem(item.id)).toMatchObject({ stock: 0, redeemed_count: 1 })
      expect((await ledgerOk()).ok).toBe(true)
    })

    it("redeems points for store credit at the item's rate", async () => {
      const item = await createItem({ kind: "store_credit", points_cost: 1000, credit_amount: 10, currency_code: "cny" })
      await givePoints(alice, 2500)
      const res = await redeem(alice, item.id)
      expect(res.status).toBe(201)
      expect(res.data.redemption).toMatchObject({ kind: "store_credit", points: 1000, credit_amount: 10, currency_code: "cny" })
      expect(await storeCredit(alice)).toBe(10)
      expect((await points(alice)).available).toBe(1500)
      expect((await ledgerOk()).ok).toBe(true)
    })

    it("refuses with a named 4xx and changes nothing: insufficient points, limit, level, inactive, failed coupon", async () => {
      const template = await createTemplate()
      const item = await createItem({ kind: "coupon", points_cost: 300, template_promotion_id: template.id, stock: 3, per_customer_limit: 1 })
      await givePoints(alice, 100)

      const poor = await redeem(alice, item.id)
      expect(poor.status).toBe(400)
      expect(poor.data.code).toBe("insufficient_points")
      expect(await getItem(item.id)).toMatchObject({ stock: 3, redeemed_count: 0 })
      expect((await points(alice)).available).toBe(100)

      await givePoints(alice, 900)
      expect((await redeem(alice, item.id)).status).toBe(201)
      const again = await redeem(alice, item.id)
      expect(again.status).toBe(400)
      expect(again.data.code).toBe("limit_reached")
      expect((await points(alice)).available).toBe(700)

      const level = (await api.post("/admin/fission/membership/levels", { name: "Gold", growth_threshold: 1000 }, admin())).data.level
      const goldOnly = await createItem({ kind: "coupon", points_cost: 10, template_promotion_id: template.id, allowed_level_ids: [level.id] })
      const notGold = await redeem(alice, goldOnly.id)
      expect(notGold.status).toBe(400)
      expect(notGold.data.code).toBe("level_not_allowed")

      const off = await createItem({ kind: "coupon", points_cost: 10, template_promotion_id: template.id, is_active: false })
      expect((await redeem(alice, off.id)).data.code).toBe("inactive")
      const product = await createItem({ kind: "product", points_cost: 10, variant_id: tea().variant_id, cash_price: 0 })
      expect((await redeem(alice, product.id)).data.code).toBe("redeem_in_cart")

      // the coupon cannot be created (template deleted after the item was set up): stock and points come back
      const other = await createTemplate("TPL-GONE")
      const doomed = await createItem({ kind: "coupon", points_cost: 50, template_promotion_id: other.id, stock: 2 })
      await api.delete(`/admin/promotions/${other.id}`, admin())
      const broken = await redeem(alice, doomed.id)
      expect(broken.status).toBe(404)
      expect(await getItem(doomed.id)).toMatchObject({ stock: 2, redeemed_count: 0 })
      expect((await points(alice)).available).toBe(700)
      expect((await ledgerOk()).ok).toBe(true)

      const bad = await fail(api.post("/admin/fission/points-mall/items", { title: "x", kind: "coupon", points_cost: 5 }, admin()))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/template_promotion_id/)
    })

    it("points + cash through checkout: the line is discounted by the points, points posted at placement, back on cancel", async () => {
      // tea gift box 99 = 500 points + 19.9 cash
      const item = await createItem({ kind: "product", points_cost: 500, variant_id: tea().variant_id, cash_price: 19.9, stock: 10 })
      await givePoints(alice, 1200)
      let applied: any
      const order = await placeOrder(api, alice.headers, store.fixture, [{ variant_id: tea().variant_id, quantity: 1 }], {
        beforeComplete: async (cartId) => {
          // another customer cannot touch this cart
          expect((await fail(api.post(`/store/fission/carts/${cartId}/points`, { item_id: item.id }, { headers: bob.headers }))).status).toBe(404)
          applied = await fail(api.post(`/store/fission/carts/${cartId}/points`, { item_id: item.id }, { headers: alice.headers }))
          expect(applied.status).toBe(200)
          const twice = await fail(api.post(`/store/fission/carts/${cartId}/points`, { item_id: item.id }, { headers: alice.headers }))
          expect(twice.status).toBe(422)
          expect(twice.data).toMatchObject({ code: "points_already_applied", message: "Points are already applied to this line" })
          // a later cart refresh (address update) keeps the discount
          await api.post(`/store/carts/${cartId}`, { email: "alice@fission.test" }, { headers: alice.headers })
        },
      })
      expect(applied.data.cart_points).toMatchObject({ points: 500, quantity: 1, status: "reserved" })
      expect(applied.data.cart.discount_total).toBe(79.1)

      const { data } = await api.get(`/admin/orders/${order.id}?fields=+total,+discount_total,+shipping_total,*payment_collections`, admin())
      expect(data.order.discount_total).toBe(79.1)
      expect(data.order.total).toBe(19.9 + data.order.shipping_total)
      expect(data.order.payment_collections[0].amount).toBe(19.9 + data.order.shipping_total)

      const posted = await waitFor(() => points(alice), (p: any) => p.posted === 700)
      expect(posted).toMatchObject({ posted: 700, pending_out: 0, available: 700 })
      expect(await getItem(item.id)).toMatchObject({ stock: 9 })

      await api.post(`/admin/orders/${order.id}/cancel`, {}, admin())
      // the cancel's subscriber gives the points back first and the stock after: wait for each state asserted
      await waitFor(() => points(alice), (p: any) => p.posted === 1200)
      await waitFor(() => getItem(item.id), (i: any) => i.stock === 10)
      // a redelivered cancel changes nothing
      await runWorkflow(getContainer(), "fission-membership-return-order-cart-points", { order_id: order.id })
      expect((await points(alice)).posted).toBe(1200)
      expect((await ledgerOk()).ok).toBe(true)
    })

    it("points-only product: total is shipping only; removing points or leaving the cart gives them back", async () => {
      const item = await createItem({ kind: "product", points_cost: 300, variant_id: dates().variant_id, cash_price: 0, per_customer_limit: 2 })
      await givePoints(alice, 1000)
      const cartId = await prepareCart(api, alice.headers, store.fixture, [{ variant_id: dates().variant_id, quantity: 2 }], {
        beforeComplete: async (id) => {
          const { cart } = (await api.get(`/store/carts/${id}`, { headers: alice.headers })).data
          const res = await fail(api.post(`/store/fission/carts/${id}/points`, { line_item_id: cart.items[0].id }, { headers: alice.headers }))
          expect(res.status).toBe(200)
          expect(res.data.cart_points.points).toBe(600)
          expect(res.data.cart.total).toBe(res.data.cart.shipping_total)
        },
      })
      expect(await points(alice)).toMatchObject({ available: 400, pending_out: 600 })

      // the quantity changed after the points were applied: completion is refused, nothing is placed
      const lineId = (await api.get(`/store/carts/${cartId}`, { headers: alice.headers })).data.cart.items[0].id
      await api.post(`/store/carts/${cartId}/line-items/${lineId}`, { quantity: 1 }, { headers: alice.headers })
      const refused = await fail(api.post(`/store/carts/${cartId}/complete`, {}, { headers: alice.headers }))
      expect(refused.data.type).not.toBe("order")
      expect(JSON.stringify(refused.data)).toMatch(/apply them again/)
      expect(await points(alice)).toMatchObject({ available: 400, pending_out: 600 })

      const removed = await api.delete(`/store/fission/carts/${cartId}/points`, { headers: alice.headers })
      expect(removed.data.released).toHaveLength(1)
      expect(removed.data.cart.discount_total).toBe(0)
      expect(await points(alice)).toMatchObject({ available: 1000, pending_out: 0 })

      // apply again (now 1 unit: 300 points), then the cart is left alone: the hourly job gives the points back after 24 h
      await api.post(`/store/fission/carts/${cartId}/points`, { line_item_id: lineId }, { headers: alice.headers })
      expect((await points(alice)).available).toBe(700)
      await runJob(getContainer(), "fission-membership-release-stale-cart-points", new Date(Date.now() + 23 * 3600_000))
      expect((await points(alice)).available).toBe(700)
      await runJob(getContainer(), "fission-membership-release-stale-cart-points", new Date(Date.now() + 25 * 3600_000))
      expect(await points(alice)).toMatchObject({ available: 1000, pending_out: 0 })
      const after = (await api.get(`/store/carts/${cartId}?fields=+discount_total,*promotions`, { headers: alice.headers })).data.cart
      expect(after.discount_total).toBe(0)
      expect(after.promotions).toEqual([])
      expect((await ledgerOk()).ok).toBe(true)
    })

    it("race: 50 concurrent redemptions of an item with stock 10 → exactly 10 succeed", async () => {
      const template = await createTemplate()
      const item = await createItem({ kind: "coupon", points_cost: 50, template_promotion_id: template.id, stock: 10 })
      const shoppers: any[] = []
      for (let i = 0; i < 50; i++) {
        const s = await loginShopper(getContainer(), api, store.fixture.publishable_key, `racer${i}@fission.test`)
        await givePoints(s, 100)
        shoppers.push(s)
      }
      const results = await Promise.all(shoppers.map((s) => redeem(s, item.id)))
      const statuses = results.map((r) => r.status)
      expect(statuses.filter((s) => s === 201)).toHaveLength(10)
      expect(statuses.filter((s) => s === 400)).toHaveLength(40)
      expect(results.filter((r) => r.status === 400).every((r) => r.data.code === "out_of_stock" && /out of stock/.test(r.data.message))).toBe(true)
      expect(await getItem(item.id)).toMatchObject({ stock: 0, redeemed_count: 10 })
      const balances = await Promise.all(shoppers.map((s) => points(s)))
      expect(balances.filter((b) => b.available === 50)).toHaveLength(10)
      expect(balances.filter((b) => b.available === 100)).toHaveLength(40)
      const codes = new Set(results.filter((r) => r.status === 201).map((r) => r.data.redemption.code))
      expect(codes.size).toBe(10)
      const reconciliation = await ledgerOk()
      expect(reconciliation.ok).toBe(true)
    })

    it("§6.7: a paid order grants the rule's coupon once; a level-exclusive code works only for that level's group", async () => {
      const template = await createTemplate()
      await api.post("/admin/fission/points-mall/coupon-rules", { name: "Thanks", template_promotion_id: template.id, min_order_total: 50 }, admin())
      const small = await placeOrder(api, alice.headers, store.fixture, [{ variant_id: dates().variant_id, quantity: 1 }])
      await captureOrder(api, admin().headers, small.id)
      const order = await placeOrder(api, alice.headers, store.fixture, [{ variant_id: tea().variant_id, quantity: 1 }])
      await captureOrder(api, admin().headers, order.id)
      const coupons = await waitFor(
        async () => (await api.get("/store/fission/coupons", { headers: alice.headers })).data.coupons,
        (c: any[]) => c.length > 0
      )
      expect(coupons).toEqual([expect.objectContaining({ reason: "coupon.order_paid", used: false })])
      // redelivery of the payment event (and everything it reaches): the same grant, nothing more
      const { data: paid } = await api.get(`/admin/orders/${order.id}?fields=*payment_collections.payments`, admin())
      await deliverEvent(getContainer(), "payment.captured", { id: paid.order.payment_collections[0].payments[0].id })
      const after = (await api.get("/store/fission/coupons", { headers: alice.headers })).data.coupons
      expect(after.map((c: any) => [c.promotion_id, c.code])).toEqual([[coupons[0].promotion_id, coupons[0].code]])

      // member-exclusive: a Gold-only code
      const group = (await api.post("/admin/customer-groups", { name: "Gold members" }, admin())).data.customer_group
      const level = (await api.post("/admin/fission/membership/levels", { name: "Gold", growth_threshold: 100000, customer_group_id: group.id }, admin())).data.level
      const gold = (
        await api.post(
          "/admin/promotions",
          {
            code: "GOLD5",
            type: "standard",
            status: "active",
            application_method: { type: "fixed", target_type: "order", allocation: "across", value: 5, currency_code: "cny" },
          },
          admin()
        )
      ).data.promotion
      const made = await fail(api.post("/admin/fission/points-mall/level-coupons", { promotion_id: gold.id, level_ids: [level.id] }, admin()))
      expect(made.status).toBe(200)
      expect((await cartWithCode(bob, "GOLD5")).cart.discount_total).toBe(0)
      await api.post(`/admin/customer-groups/${group.id}/customers`, { add: [bob.customer.id] }, admin())
      expect((await cartWithCode(bob, "GOLD5")).cart.discount_total).toBe(5)
      const twice = await fail(api.post("/admin/fission/points-mall/level-coupons", { promotion_id: gold.id, level_ids: [level.id] }, admin()))
      expect(twice.status).toBe(400)
    })
  },
})
