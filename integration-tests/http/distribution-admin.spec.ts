import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { DISTRIBUTION_MODULE } from "../../plugins/distribution/src/modules/distribution"
import { loginShopper } from "../helpers/actors"
import { placeOrder } from "../helpers/checkout"
import { setupStore, StoreSetup } from "../helpers/setup"
import { waitFor } from "../helpers/wait"

jest.setTimeout(180_000)

/** Commission lists, per-product commission rules, the order and customer widgets (SPEC §2 Admin API). */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    let A: any, B: any, C: any
    const admin = () => ({ headers: store.adminHeaders })
    const pkg = () => store.fixture.products["package-899"]
    const status = (p: Promise<any>) => p.then((r) => r.status).catch((e) => e.response?.status)
    const failure = (p: Promise<any>) =>
      p.then(
        (r) => ({ status: r.status, message: "" }),
        (e) => ({ status: e.response?.status, message: String(e.response?.data?.message ?? "") })
      )

    beforeEach(async () => {
      store = await setupStore(getContainer(), api)
      const pk = store.fixture.publishable_key
      A = await loginShopper(getContainer(), api, pk, "a@fission.test")
      B = await loginShopper(getContainer(), api, pk, "b@fission.test")
      C = await loginShopper(getContainer(), api, pk, "c@fission.test")
      // A refers B, B refers C, through the forest (closure + team counters) as a bind would
      const distribution: any = getContainer().resolve(DISTRIBUTION_MODULE)
      await distribution.changeReferrer({ customer_id: B.customer.id, referrer_id: A.customer.id, action: "bind", source: "admin" })
      await distribution.changeReferrer({ customer_id: C.customer.id, referrer_id: B.customer.id, action: "bind", source: "admin" })
    })

    /** C buys the 899 package, which the admin set to pay 100 direct / 50 indirect through the API. */
    const buyPackage = async () => {
      await api.post(`/admin/fission/products/${pkg().product_id}/commission`, { mode: "fixed", level1: 100, level2: 50 }, admin())
      const order = await placeOrder(api, C.headers, store.fixture, [{ variant_id: pkg().variant_id, quantity: 1 }])
      const distribution: any = getContainer().resolve(DISTRIBUTION_MODULE)
      await waitFor(() => distribution.listCommissions({ order_id: order.id }), (rows: any[]) => rows.length === 2)
      return order
    }

    it("lists each customer's own commissions (buyer masked) and every commission with exact totals for the admin", async () => {
      const order = await buyPackage()
      // a second, store-default-rate order: 2 × 29.9 → B 5.98, A 2.99
      const dates = store.fixture.products["red-date-snack-pack"]
      const second = await placeOrder(api, C.headers, store.fixture, [{ variant_id: dates.variant_id, quantity: 2 }])
      const distribution: any = getContainer().resolve(DISTRIBUTION_MODULE)
      await waitFor(() => distribution.listCommissions({ order_id: second.id }), (rows: any[]) => rows.length === 2)

      // store: B sees only B's level-1 records, newest first, with a masked buyer
      const mine = (await api.get("/store/fission/commissions", { headers: B.headers })).data
      expect(mine).toMatchObject({ count: 2, offset: 0, limit: 20 })
      expect(mine.commissions.map((c: any) => [c.order_id, c.level, c.amount, c.status])).toEqual([
        [second.id, 1, 5.98, "pending"],
        [order.id, 1, 100, "pending"],
      ])
      expect(mine.commissions[1]).toMatchObject({ kind: "sale", reversed_amount: 0, currency_code: "cny", buyer: { name: "c***" } })
      expect(JSON.stringify(mine)).not.toContain(C.customer.id)
      expect(JSON.stringify(mine)).not.toContain("c@fission.test")
      // A sees A's own level-2 records only; C (the buyer) earned nothing; paging and status filters apply
      const ofA = (await api.get("/store/fission/commissions?limit=1", { headers: A.headers })).data
      expect(ofA).toMatchObject({ count: 2, limit: 1 })
      expect(ofA.commissions.map((c: any) => [c.level, c.amount])).toEqual([[2, 2.99]])
      expect((await api.get("/store/fission/commissions", { headers: C.headers })).data.count).toBe(0)
      expect((await api.get("/store/fission/commissions?status=available", { headers: B.headers })).data.count).toBe(0)
      expect(await status(api.get("/store/fission/commissions", { headers: store.storeHeaders }))).toBe(401)

      // admin: everything, with totals over all matches (not just the page)
      const all = (await api.get("/admin/fission/commissions?limit=1", admin())).data
      expect(all).toMatchObject({ count: 4, offset: 0, limit: 1 })
      expect(all.commissions).toHaveLength(1)
      expect(all.commissions[0].beneficiary).toMatchObject({ id: expect.any(String), email: expect.stringMatching(/@fission\.test$/) })
      expect(all.totals.count).toBe(4)
      expect(all.totals.by_currency).toEqual([
        {
          currency_code: "cny",
          count: 4,
          amount: 158.97,
          reversed_amount: 0,
          net_amount: 158.97,
          by_status: { pending: { count: 4, amount: 158.97, reversed_amount: 0, net_amount: 158.97 } },
        },
      ])
      const byB = (await api.get(`/admin/fission/commissions?beneficiary_id=${B.customer.id}`, admin())).data
      expect(byB.count).toBe(2)
      expect(byB.totals.by_currency[0].amount).toBe(105.98)
      const byOrder = (await api.get(`/admin/fission/commissions?order_id=${order.id}&level=2`, admin())).data
      expect(byOrder.commissions.map((c: any) => [c.beneficiary_id, c.amount, c.fixed_per_unit])).toEqual([[A.customer.id, 50, 50]])
      expect((await api.get(`/admin/fission/commissions?buyer_id=${C.customer.id}&status[]=pending&status[]=available`, admin())).data.count).toBe(4)
      expect((await api.get(`/admin/fission/commissions?buyer_id=${A.customer.id}`, admin())).data).toMatchObject({
        count: 0,
        totals: { count: 0, by_currency: [] },
      })
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString()
      const yesterday = new Date(Date.now() - 86_400_000).toISOString()
      expect((await api.get(`/admin/fission/commissions?created_at[gte]=${tomorrow}`, admin())).data.count).toBe(0)
      expect((await api.get(`/admin/fission/commissions?created_at[gte]=${yesterday}&created_at[lt]=${tomorrow}`, admin())).data.count).toBe(4)

      // the chart: 30 zero-filled days ending today, today's bucket holds everything
      const { daily } = (await api.get("/admin/fission/commissions/daily?timezone=UTC", admin())).data
      expect(daily).toMatchObject({ timezone: "UTC", currency_code: "cny" })
      expect(daily.days).toHaveLength(30)
      expect(daily.days[29]).toEqual({ date: new Date().toISOString().slice(0, 10), count: 4, amount: 158.97, reversed_amount: 0, net_amount: 158.97 })
      expect(daily.days.slice(0, 29).every((d: any) => d.count === 0 && d.amount === 0)).toBe(true)
      const shanghai = (await api.get("/admin/fission/commissions/daily?days=7&timezone=Asia/Shanghai&level=2", admin())).data.daily
      expect(shanghai.days).toHaveLength(7)
      expect(shanghai.days.reduce((t: number, d: any) => t + d.amount, 0)).toBe(52.99)

      // the order widget: the order's records and its lifecycle row
      const widget = (await api.get(`/admin/fission/orders/${order.id}/commissions`, admin())).data
      expect(widget.commissions.map((c: any) => [c.level, c.amount, c.beneficiary.email])).toEqual([
        [1, 100, "b@fission.test"],
        [2, 50, "a@fission.test"],
      ])
      expect(widget.commission_order).toMatchObject({ order_id: order.id, buyer_id: C.customer.id, status: "placed", base_total: 899 })
      expect(widget.totals.by_currency[0]).toMatchObject({ amount: 150, net_amount: 150 })
      expect(await status(api.get("/admin/fission/orders/order_missing/commissions", admin()))).toBe(404)
    })

    it("shows a customer's referrer, code, rank, team and commission balances in the customer widget", async () => {
      await buyPackage()
      const distribution: any = getContainer().resolve(DISTRIBUTION_MODULE)
      await distribution.createDistributionRanks([{ name: "member", position: 0, is_default: true }])
      await api.get("/store/fission/referral", { headers: B.headers }) // everyone_is_promoter: creates B's code
      await waitFor(() => api.get("/store/fission/wallet", { headers: B.headers }), ({ data }: any) =>
        data.wallet.balances.some((b: any) => b.asset === "commission" && b.pending_in === 100)
      )

      const { distribution: view } = (await api.get(`/admin/fission/customers/${B.customer.id}/distribution`, admin())).data
      expect(view).toMatchObject({
        customer_id: B.customer.id,
        promoter_status: "active",
        effective_promoter: true,
        code: expect.any(String),
        rank: { name: "member" },
        referrer: { id: A.customer.id, email: "a@fission.test" },
        referral: { source: "admin", expired: false },
        counts: { level1: 1, level2: 0, level3: 0 },
        team_size: 1,
        balances: [{ currency_code: "cny", posted: 0, pending_in: 100, pending_out: 0, available: 0, debt: 0 }],
      })
      expect(view.commission_totals.by_currency[0]).toMatchObject({ count: 1, amount: 100 })
      expect(view.promoter.code).toBe(view.code)

      const ofA = (await api.get(`/admin/fission/customers/${A.customer.id}/distribution`, admin())).data.distribution
      expect(ofA).toMatchObject({ referrer: null, referral: null, counts: { level1: 1, level2: 1 }, team_size: 2 })
      expect(ofA.balances[0]).toMatchObject({ pending_in: 50 })
      // reading never creates a promoter (C never opened the referral page)
      const ofC = (await api.get(`/admin/fission/customers/${C.customer.id}/distribution`, admin())).data.distribution
      expect(ofC).toMatchObject({ promoter: null, promoter_status: "none", code: null, rank: null, balances: [] })
      expect(await distribution.listPromoters({ customer_id: C.customer.id })).toHaveLength(0)
      expect(await status(api.get("/admin/fission/customers/cus_missing/distribution", admin()))).toBe(404)
    })

    it("sets, upserts and removes product and variant commission rules", async () => {
      const url = `/admin/fission/products/${pkg().product_id}/commission`
      const empty = (await api.get(url, admin())).data.product_commission
      expect(empty).toMatchObject({
        product_id: pkg().product_id,
        rule: null,
        variants: [{ variant_id: pkg().variant_id, rule: null }],
        store_default: { level1_rate: 0.1, level2_rate: 0.05, commission_depth: 2 },
      })

      const set = (await api.post(url, { mode: "rate", level1: "0.2", level2: 0.1 }, admin())).data.product_commission
      expect(set.rule).toMatchObject({ mode: "rate", level1: 0.2, level2: 0.1 })
      // upsert: saving again updates the one product-level row, never adds a second
      const again = await Promise.all([
        api.post(url, { mode: "fixed", level1: 100, level2: 50 }, admin()),
        api.post(url, { mode: "fixed", level1: 100, level2: 50 }, admin()),
      ])
      expect(again[1].data.product_commission.rule).toMatchObject({ mode: "fixed", level1: 100, level2: 50 })
      const distribution: any = getContainer().resolve(DISTRIBUTION_MODULE)
      expect(await distribution.listProductCommissions({ product_id: pkg().product_id })).toHaveLength(1)

      // a variant rule alongside; the product rule stays when mode is omitted
      const withVariant = (
        await api.post(url, { variants: [{ variant_id: pkg().variant_id, mode: "excluded" }] }, admin())
      ).data.product_commission
      expect(withVariant.rule).toMatchObject({ mode: "fixed", level1: 100 })
      expect(withVariant.variants[0].rule).toMatchObject({ mode: "excluded", level1: null, level2: null })
      // an excluded variant earns nobody anything
      const order = await placeOrder(api, C.headers, store.fixture, [{ variant_id: pkg().variant_id, quantity: 1 }])
      await waitFor(() => distribution.listCommissionOrders({ order_id: order.id }), (rows: any[]) => rows.length === 1)
      expect(await distribution.listCommissions({ order_id: order.id })).toHaveLength(0)

      const variantGone = (await api.delete(`${url}?variant_id=${pkg().variant_id}`, admin())).data
      expect(variantGone).toMatchObject({ id: pkg().product_id, object: "product_commission", deleted: true })
      expect(variantGone.product_commission.variants[0].rule).toBeNull()
      expect(variantGone.product_commission.rule).toMatchObject({ mode: "fixed" })

      await api.post(url, { mode: null, variants: [{ variant_id: pkg().variant_id, mode: "rate", level1: 0.3, level2: 0 }] }, admin())
      const cleared = (await api.delete(url, admin())).data.product_commission
      expect(cleared.rule).toBeNull()
      expect(cleared.variants[0].rule).toBeNull()
      expect(await distribution.listProductCommissions({})).toHaveLength(0)
      // idempotent
      expect(await status(api.delete(url, admin()))).toBe(200)
    })

    it("rejects bad input with a 4xx naming the field, and changes nothing", async () => {
      const product = `/admin/fission/products/${pkg().product_id}/commission`
      const otherVariant = store.fixture.products["tea-gift-box"].variant_id
      const cases: [string, () => Promise<any>, number, RegExp][] = [
        ["store list: bad status", () => api.get("/store/fission/commissions?status=paid", { headers: B.headers }), 400, /status/],
        ["store list: limit too big", () => api.get("/store/fission/commissions?limit=1000", { headers: B.headers }), 400, /limit/],
        ["store list: unknown param", () => api.get("/store/fission/commissions?beneficiary_id=x", { headers: B.headers }), 400, /beneficiary_id/],
        ["admin list: bad status", () => api.get("/admin/fission/commissions?status=paid", admin()), 400, /status/],
        ["admin list: bad kind", () => api.get("/admin/fission/commissions?kind=bonus", admin()), 400, /kind/],
        ["admin list: level 3", () => api.get("/admin/fission/commissions?level=3", admin()), 400, /level/],
        ["admin list: bad date", () => api.get("/admin/fission/commissions?created_at[gte]=yesterday", admin()), 400, /created_at/],
        ["admin list: bad operator", () => api.get("/admin/fission/commissions?created_at[eq]=2026-01-01", admin()), 400, /eq/],
        ["admin list: negative offset", () => api.get("/admin/fission/commissions?offset=-1", admin()), 400, /offset/],
        ["admin list: bad currency", () => api.get("/admin/fission/commissions?currency_code=dollars", admin()), 400, /currency_code/],
        ["daily: bad timezone", () => api.get("/admin/fission/commissions/daily?timezone=Mars/Base", admin()), 400, /timezone/],
        ["daily: too many days", () => api.get("/admin/fission/commissions/daily?days=1000", admin()), 400, /days/],
        ["order widget: unknown param", () => api.get("/admin/fission/orders/order_1/commissions?x=1", admin()), 400, /x/],
        ["customer widget: unknown param", () => api.get(`/admin/fission/customers/${B.customer.id}/distribution?x=1`, admin()), 400, /x/],
        ["product: unknown product", () => api.post("/admin/fission/products/prod_missing/commission", { mode: "excluded" }, admin()), 404, /prod_missing/],
        ["product: unknown product (GET)", () => api.get("/admin/fission/products/prod_missing/commission", admin()), 404, /prod_missing/],
        ["product: bad mode", () => api.post(product, { mode: "bonus" }, admin()), 400, /mode/],
        ["product: rate above 1", () => api.post(product, { mode: "rate", level1: 1.5, level2: 0 }, admin()), 400, /level1 must be a rate/],
        ["product: negative rate", () => api.post(product, { mode: "rate", level1: 0.1, level2: "-0.05" }, admin()), 400, /level2 must be a rate/],
        ["product: rates above the sale", () => api.post(product, { mode: "rate", level1: 0.7, level2: 0.4 }, admin()), 400, /level1 \+ level2/],
        ["product: negative fixed", () => api.post(product, { mode: "fixed", level1: -100, level2: 50 }, admin()), 400, /level1 must be an amount/],
        ["product: missing level", () => api.post(product, { mode: "fixed", level1: 100 }, admin()), 400, /level2 is required/],
        ["product: levels on excluded", () => api.post(product, { mode: "excluded", level1: 5 }, admin()), 400, /level1 must be empty/],
        ["product: level type", () => api.post(product, { mode: "fixed", level1: true, level2: 1 }, admin()), 400, /level1/],
        ["product: levels without mode", () => api.post(product, { level1: 0.1 }, admin()), 400, /mode is required/],
        ["product: empty body", () => api.post(product, {}, admin()), 400, /nothing to save/],
        ["product: unknown field", () => api.post(product, { mode: "excluded", rate: 1 }, admin()), 400, /rate/],
        [
          "product: another product's variant",
          () => api.post(product, { variants: [{ variant_id: otherVariant, mode: "excluded" }] }, admin()),
          400,
          /variants\[0\]\.variant_id/,
        ],
        [
          "product: variant listed twice",
          () =>
            api.post(
              product,
              { variants: [{ variant_id: pkg().variant_id, mode: "excluded" }, { variant_id: pkg().variant_id, mode: null }] },
              admin()
            ),
          400,
          /variants\[1\]\.variant_id/,
        ],
        [
          "product: bad variant rate",
          () => api.post(product, { mode: "excluded", variants: [{ variant_id: pkg().variant_id, mode: "rate", level1: 2, level2: 0 }] }, admin()),
          400,
          /variants\[0\]\.level1/,
        ],
        ["product: delete another product's variant", () => api.delete(`${product}?variant_id=${otherVariant}`, admin()), 400, /variant_id/],
      ]
      const results = []
      for (const [name, call, expected, field] of cases) {
        const { status: got, message } = await failure(call())
        results.push({ name, ok: got === expected && field.test(message), got, message })
      }
      expect(results.filter((r) => !r.ok)).toEqual([])
      // nothing was saved by any of them
      const distribution: any = getContainer().resolve(DISTRIBUTION_MODULE)
      expect(await distribution.listProductCommissions({})).toHaveLength(0)
      // admin routes need an admin, the store list a customer
      expect(await status(api.get("/admin/fission/commissions"))).toBe(401)
      expect(await status(api.get("/admin/fission/commissions", { headers: B.headers }))).toBe(401)
    })
  },
})
