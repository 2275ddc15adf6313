import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { DISTRIBUTION_MODULE } from "../../plugins/distribution/src/modules/distribution"
import { loginShopper } from "../helpers/actors"
import { captureOrder, deliverOrder, placeOrder } from "../helpers/checkout"
import { setupStore, StoreSetup } from "../helpers/setup"
import { waitFor } from "../helpers/wait"
import { deliverEvent } from "../helpers/events"
import { runJob, runWorkflow } from "../helpers/workflows"

jest.setTimeout(180_000)

const DAY = 86_400_000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    let A: any, B: any, C: any
    const admin = () => ({ headers: store.adminHeaders })
    const commission = async (who: any) =>
      (await api.get("/store/fission/wallet", { headers: who.headers })).data.wallet.balances.find(
        (b: any) => b.asset === "commission"
      )
    const release = (daysAhead: number) =>
      runJob(getContainer(), "fission-distribution-release-commissions", new Date(Date.now() + daysAhead * DAY))
    const ledgerOk = async () => (await api.get("/admin/fission/ledger/reconciliation", admin())).data.reconciliation.ok

    beforeEach(async () => {
      store = await setupStore(getContainer(), api)
      const pk = store.fixture.publishable_key
      A = await loginShopper(getContainer(), api, pk, "a@fission.test")
      B = await loginShopper(getContainer(), api, pk, "b@fission.test")
      C = await loginShopper(getContainer(), api, pk, "c@fission.test")
      const distribution: any = getContainer().resolve(DISTRIBUTION_MODULE)
      // A refers B, B refers C (binding itself is tested in distribution-referral.spec.ts)
      await distribution.createReferrals([
        { customer_id: B.customer.id, referrer_id: A.customer.id, source: "admin", bound_at: new Date() },
        { customer_id: C.customer.id, referrer_id: B.customer.id, source: "admin", bound_at: new Date() },
      ])
      // the 899 package pays 100 direct / 50 indirect
      await distribution.createProductCommissions({
        product_id: store.fixture.products["package-899"].product_id,
        mode: "fixed",
        level1: 100,
        level2: 50,
      })
    })

    const buyPackage = async () => {
      const pkg = store.fixture.products["package-899"]
      return placeOrder(api, C.headers, store.fixture, [{ variant_id: pkg.variant_id, quantity: 1 }])
    }

    const deliver = (orderId: string) => deliverOrder(api, store.adminHeaders, orderId, store.fixture.stock_location_id)

    it("pays B 100 and A 50 for C's 899 package: pending, then available after delivery + 7 days, reversed by a refund", async () => {
      const order = await buyPackage()
      await waitFor(() => commission(B), (b) => b.pending_in === 100)
      expect(await commission(B)).toMatchObject({ pending_in: 100, available: 0 })
      expect(await commission(A)).toMatchObject({ pending_in: 50, available: 0 })
      expect(await commission(C)).toMatchObject({ pending_in: 0, available: 0 })

      // unpaid and undelivered: the release job leaves it pending even far in the future
      await release(30)
      expect((await commission(B)).available).toBe(0)

      await captureOrder(api, store.adminHeaders, order.id)
      await deliver(order.id)
      const distribution: any = getContainer().resolve(DISTRIBUTION_MODULE)
      const [row] = await waitFor(
        () => distribution.listCommissionOrders({ order_id: order.id }),
        (rows: any[]) => rows[0]?.status === "delivered"
      )
      expect(new Date(row.available_at).getTime() - new Date(row.delivered_at).getTime()).toBe(7 * DAY)

      // 6 days later: still frozen; 8 days later: available
      await release(6)
      expect((await commission(B)).available).toBe(0)
      await release(8)
      expect(await commission(B)).toMatchObject({ available: 100, pending_in: 0 })
      expect(await commission(A)).toMatchObject({ available: 50, pending_in: 0 })
      // a duplicate tick changes nothing
      await release(8)
      expect((await commission(B)).available).toBe(100)

      // C's refund of the whole order reverses both
      const {
        data: { order: paid },
      } = await api.get(`/admin/orders/${order.id}?fields=*payment_collections.payments`, admin())
      const payment = paid.payment_collections[0].payments[0]
      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 909 }, admin())
      await waitFor(() => commission(B), (b) => b.available === 0)
      expect(await commission(A)).toMatchObject({ available: 0, pending_in: 0, debt: 0 })
      // the refund event delivered again changes nothing
      await deliverEvent(getContainer(), "payment.refunded", { id: payment.id })
      expect(await commission(B)).toMatchObject({ available: 0, posted: 0, debt: 0 })
      const { data } = await api.get("/store/fission/wallet/history?asset=commission", { headers: B.headers })
      expect(data.postings.map((p: any) => [p.reason, p.amount])).toEqual([
        ["commission.refund", -100],
        ["commission.level1", 100],
      ])
      expect(await ledgerOk()).toBe(true)
    })

    it("reverses half the commission on a refund of half the merchandise (shipping last), and voids everything still pending on cancel", async () => {
      const order = await buyPackage()
      await waitFor(() => commission(B), (b) => b.pending_in === 100)
      await captureOrder(api, store.adminHeaders, order.id)
      const {
        data: { order: paid },
      } = await api.get(`/admin/orders/${order.id}?fields=*payment_collections.payments`, admin())
      // 899 + shipping 10: refunds pay for merchandise first (SPEC §0.4), so 449.5 is half of it
      await api.post(`/admin/payments/${paid.payment_collections[0].payments[0].id}/refund`, { amount: 449.5 }, admin())
      await waitFor(() => commission(B), (b) => b.pending_in === 50)
      expect(await commission(A)).toMatchObject({ pending_in: 25, available: 0 })

      await api.post(`/admin/orders/${order.id}/cancel`, {}, admin())
      await waitFor(() => commission(B), (b) => b.pending_in === 0)
      expect(await commission(B)).toMatchObject({ posted: 0, pending_in: 0, available: 0 })
      expect(await commission(A)).toMatchObject({ posted: 0, pending_in: 0, available: 0 })
      expect(await ledgerOk()).toBe(true)
    })

    it("changes nothing when order.placed and order.canceled are delivered twice", async () => {
      const order = await buyPackage()
      await waitFor(() => commission(B), (b) => b.pending_in === 100)
      await deliverEvent(getContainer(), "order.placed", { id: order.id })
      await deliverEvent(getContainer(), "order.placed", { id: order.id })
      expect(await commission(B)).toMatchObject({ pending_in: 100 })
      const distribution: any = getContainer().resolve(DISTRIBUTION_MODULE)
      expect(await distribution.listCommissions({ order_id: order.id })).toHaveLength(2)

      await api.post(`/admin/orders/${order.id}/cancel`, {}, admin())
      await waitFor(() => commission(B), (b) => b.pending_in === 0)
      await deliverEvent(getContainer(), "order.canceled", { id: order.id })
      expect(await commission(B)).toMatchObject({ posted: 0, pending_in: 0, pending_out: 0 })
      expect(await ledgerOk()).toBe(true)
    })

    it("pays store-default rates (10% / 5%) on products without their own rule, on what was paid", async () => {
      const dates = store.fixture.products["red-date-snack-pack"] // 29.9
      await placeOrder(api, C.headers, store.fixture, [{ variant_id: dates.variant_id, quantity: 2 }])
      await waitFor(() => commission(B), (b) => b.pending_in > 0)
      expect((await commission(B)).pending_in).toBe(5.98)
      expect((await commission(A)).pending_in).toBe(2.99)
    })

    it("promotes B to boss when a 2nd direct referral buys the 899 package, paying B the 350 team reward", async () => {
      const distribution: any = getContainer().resolve(DISTRIBUTION_MODULE)
      const pkg = store.fixture.products["package-899"]
      await distribution.createDistributionRanks([
        { name: "member", position: 0, is_default: true },
        {
          name: "boss",
          position: 1,
          conditions: { direct_referrals: { count: 2, purchased_product_id: pkg.product_id } },
          team_reward_amount: 350,
        },
      ])
      const D = await loginShopper(getContainer(), api, store.fixture.publishable_key, "d@fission.test")
      await distribution.createReferrals([{ customer_id: D.customer.id, referrer_id: B.customer.id, source: "admin", bound_at: new Date() }])

      const first = await buyPackage()
      await waitFor(() => commission(B), (b) => b.pending_in === 100)
      await captureOrder(api, store.adminHeaders, first.id)
      const rankOfB = async () => {
        const [p] = await distribution.listPromoters({ customer_id: B.customer.id })
        return p?.rank_id ? (await distribution.listDistributionRanks({ id: p.rank_id }))[0].name : null
      }
      await waitFor(() => distribution.listPromoters({ customer_id: B.customer.id }), (rows: any[]) => rows.length === 1)
      expect(await rankOfB()).toBeNull()

      const second = await placeOrder(api, D.headers, store.fixture, [{ variant_id: pkg.variant_id, quantity: 1 }])
      await waitFor(() => commission(B), (b) => b.pending_in === 200)
      await captureOrder(api, store.adminHeaders, second.id)
      await waitFor(() => commission(B), (b) => b.pending_in === 550)
      expect(await rankOfB()).toBe("boss")
      expect((await commission(A)).pending_in).toBe(100)
      const rewards = await distribution.listCommissions({ kind: "team_reward" })
      expect(rewards.map((r: any) => [r.beneficiary_id, Number(r.amount), r.order_id])).toEqual([[B.customer.id, 350, second.id]])
      // a redelivered capture changes nothing
      await runWorkflow(getContainer(), "fission-apply-paid-order-effects", { order_id: second.id })
      expect((await commission(B)).pending_in).toBe(550)
      expect(await ledgerOk()).toBe(true)
    })

    it("binds a new customer to the code carried on their first order, paying the new referrer on it", async () => {
      const { data } = await api.get("/store/fission/referral", { headers: A.headers })
      const E = await loginShopper(getContainer(), api, store.fixture.publishable_key, "e@fission.test")
      const tea = store.fixture.products["tea-gift-box"] // 99, store rates 10% / 5%
      await placeOrder(api, E.headers, store.fixture, [{ variant_id: tea.variant_id, quantity: 1 }], {
        beforeComplete: (cartId) =>
          api.post(`/store/carts/${cartId}`, { metadata: { referral_code: data.referral.code.toLowerCase() } }, { headers: E.headers }),
      })
      await waitFor(() => commission(A), (a) => a.pending_in === 9.9)
      const distribution: any = getContainer().resolve(DISTRIBUTION_MODULE)
      const [ref] = await distribution.listReferrals({ customer_id: E.customer.id })
      expect(ref).toMatchObject({ referrer_id: A.customer.id, source: "order" })
    })

    it("turns a clawback after withdrawal into debt, repaid first from the next commission", async () => {
      const first = await buyPackage()
      await captureOrder(api, store.adminHeaders, first.id)
      await deliver(first.id)
      const distribution: any = getContainer().resolve(DISTRIBUTION_MODULE)
      await waitFor(() => distribution.listCommissionOrders({ order_id: first.id }), (rows: any[]) => rows[0]?.status === "delivered")
      await release(8)
      expect((await commission(B)).available).toBe(100)

      const { data } = await api.post("/store/fission/withdrawals", { amount: 80, method: "manual" }, { headers: B.headers })
      await api.post(`/admin/fission/withdrawals/${data.withdrawal.id}/approve`, {}, admin())
      await api.post(`/admin/fission/withdrawals/${data.withdrawal.id}/mark-paid`, { reference: "BANK-001" }, admin())
      expect((await commission(B)).available).toBe(20)

      const {
        data: { order: paid },
      } = await api.get(`/admin/orders/${first.id}?fields=*payment_collections.payments`, admin())
      await api.post(`/admin/payments/${paid.payment_collections[0].payments[0].id}/refund`, { amount: 909 }, admin())
      await waitFor(() => commission(B), (b) => b.debt === 80)
      expect(await commission(B)).toMatchObject({ available: 0, debt: 80 })

      // the next commission (100) repays the 80 first
      const second = await buyPackage()
      await captureOrder(api, store.adminHeaders, second.id)
      await deliver(second.id)
      await waitFor(() => distribution.listCommissionOrders({ order_id: second.id }), (rows: any[]) => rows[0]?.status === "delivered")
      await release(8)
      await waitFor(() => commission(B), (b) => b.debt === 0)
      expect(await commission(B)).toMatchObject({ available: 20, debt: 0 })
      expect(await ledgerOk()).toBe(true)
    })
  },
})
