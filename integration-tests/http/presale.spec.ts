import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { loginShopper } from "../helpers/actors"
import { captureOrder, SHIPPING_ADDRESS } from "../helpers/checkout"
import { setupStore, StoreSetup } from "../helpers/setup"
import { plainRequestErrors } from "../helpers/errors"
import { waitFor } from "../helpers/wait"
import { runJob } from "../helpers/workflows"

jest.setTimeout(900_000)

const DAY = 86_400_000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    const admin = () => ({ headers: store.adminHeaders })
    const oranges = () => store.fixture.products[Object.keys(store.fixture.products)[0]]

    beforeEach(async () => {
      plainRequestErrors(api)
      store = await setupStore(getContainer(), api)
    })

    const createPresale = async (body: Record<string, unknown> = {}) => {
      const { data } = await api.post(
        "/admin/fission/presales",
        {
          title: "Gannan navel oranges, 10 jin",
          variant_id: oranges().variant_id,
          currency_code: "cny",
          base_price: 100,
          step_amount: 5,
          step_interval: 4,
          max_steps: 10,
          free_interval: 5,
          max_participants: 40,
          ends_at: new Date(Date.now() + 7 * DAY).toISOString(),
          status: "active",
          ...body,
        },
        admin()
      )
      return data.presale
    }

    const shoppers = async (prefix: string, n: number) => {
      const out: any[] = []
      for (let i = 0; i < n; i++) out.push(await loginShopper(getContainer(), api, store.fixture.publishable_key, `${prefix}${i}@fission.test`))
      return out
    }

    /** A real storefront checkout of the pre-sale item (cart → our line at the tier price → address → shipping → payment). */
    const prepare = async (who: any, presaleId: string) => {
      const headers = who.headers
      const { data: created } = await api.post("/store/carts", { region_id: store.fixture.region_id }, { headers })
      const cartId = created.cart.id
      const { data: added } = await api.post(`/store/fission/presales/${presaleId}/line-items`, { cart_id: cartId, client_seed: `seed-${who.customer.id}` }, { headers })
      await api.post(`/store/carts/${cartId}`, { shipping_address: SHIPPING_ADDRESS }, { headers })
      const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, { headers })
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: options.shipping_options[0].id }, { headers })
      const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, { headers })
      await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, { headers })
      return { cartId, price: Number(added.cart.items[0].unit_price) }
    }
    const complete = async (who: any, cartId: string) => {
      const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, { headers: who.headers })
      if (data.type !== "order") throw new Error(`cart ${cartId} did not complete: ${JSON.stringify(data.error)}`)
      return data.order
    }
    const join = async (who: any, presaleId: string) => {
      const { cartId, price } = await prepare(who, presaleId)
      const order = await complete(who, cartId)
      await captureOrder(api, store.adminHeaders, order.id)
      return { order, price }
    }

    const detail = async (id: string) => (await api.get(`/admin/fission/presales/${id}`, admin())).data.presale
    const requests = async (id: string) => {
      const all: any[] = []
      for (let offset = 0; ; offset += 100) {
        const { data } = await api.get(`/admin/fission/refund-requests?source_type=presale.campaign&source_id=${id}&limit=100&offset=${offset}`, admin())
        all.push(...data.refund_requests)
        if (all.length >= data.count || !data.refund_requests.length) return all
      }
    }
    const settled = (id: string, n?: number) =>
      waitFor(
        () => requests(id),
        (rs: any[]) => (n === undefined || rs.length === n) && rs.every((r) => r.status === "succeeded"),
        { timeout: 240_000, every: 500 }
      )
    const waitCount = (id: string, n: number) => waitFor(() => detail(id), (p: any) => p.participants === n, { timeout: 120_000 })
    const participants = async (id: string) => (await api.get(`/admin/fission/presales/${id}/participants?limit=500`, admin())).data.participants

    /** Per order, from Medusa itself: what was captured and the refunds on its payments. */
    const medusaRefunds = async (orderId: string) => {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=id,status,*payment_collections.payments,*payment_collections.payments.refunds`, admin())
      const payments = data.order.payment_collections.flatMap((c: any) => c.payments)
      const refunds = payments.flatMap((p: any) => p.refunds ?? [])
      return {
        status: data.order.status,
        captured: payments.reduce((s: number, p: any) => s + Number(p.amount), 0),
        count: refunds.length,
        refunded: Math.round(refunds.reduce((s: number, r: any) => s + Number(r.amount), 0) * 100) / 100,
      }
    }

    /** A pre-sale's rules and what they must come to once every participant joined and was refunded. */
    type Plan = {
      rules: { base_price: number; step_amount: number; step_interval: number; max_steps: number; free_interval: number; max_participants: number }
      final: number
      winners: number
      paid: number
      refunded: number
      revenue: number
    }
    // SPEC §5.3's example scaled by 1/50: 40 joiners, 4 per step, 10 steps of 5 off 100, a free order every 5th.
    const SPEC_PLAN: Plan = {
      rules: { base_price: 100, step_amount: 5, step_interval: 4, max_steps: 10, free_interval: 5, max_participants: 40 },
      final: 50, winners: 8, paid: 3100, refunded: 1500, revenue: 1600,
    }
    // A smaller one for the tests that repeat the checkout loop: 80, 80, 77, 77, 74, 74 → 71.
    const SMALL_PLAN: Plan = {
      rules: { base_price: 80, step_amount: 3, step_interval: 2, max_steps: 3, free_interval: 3, max_participants: 6 },
      final: 71, winners: 2, paid: 462, refunded: 462 - 4 * 71, revenue: 4 * 71,
    }
    const tierPrice = ({ rules: r }: Plan, i: number) => r.base_price - r.step_amount * Math.min(Math.floor(i / r.step_interval), r.max_steps)

    const runScaled = async (timing: "each_step" | "at_close", prefix: string, plan: Plan) => {
      const { rules } = plan
      const presale = await createPresale({ refund_timing: timing, ...rules })
      expect(presale).toMatchObject({
        status: "active",
        current_price: rules.base_price,
        next_rebate_threshold: rules.step_interval,
        next_free_draw_at: rules.free_interval,
        free_draw_rounds: plan.winners,
      })
      expect(presale.chain_head).toMatch(/^[0-9a-f]{64}$/)
      const people = await shoppers(prefix, rules.max_participants)
      const paidPrices: number[] = []
      for (const [i, who] of people.entries()) {
        const { price } = await join(who, presale.id)
        paidPrices.push(price)
        // the number is decided at capture: wait for it before the next buyer sees the price
        await waitCount(presale.id, i + 1)
      }
      // each joiner paid the tier price of their moment (SPEC: 4 × (100 + 95 + … + 55) = 3,100)
      expect(paidPrices).toEqual(people.map((_, i) => tierPrice(plan, i)))
      expect(paidPrices.reduce((a, b) => a + b, 0)).toBe(plan.paid)
      return { presale, people }
    }

    const checkFinal = async (presaleId: string, plan: Plan) => {
      const n = plan.rules.max_participants
      // the last crossing's refunds are planned after the last participant is numbered: wait until core confirmed them all
      await waitFor(() => detail(presaleId), (d: any) => d.totals.refund_requested === plan.refunded && d.totals.refunded === plan.refunded, { timeout: 240_000, every: 500 })
      await settled(presaleId)
      const list = await participants(presaleId)
      expect(list).toHaveLength(n)
      expect(list.map((p: any) => p.number)).toEqual(Array.from({ length: n }, (_, i) => i + 1))
      const winners = list.filter((p: any) => p.free_order)
      expect(winners).toHaveLength(plan.winners)
      let refundedTotal = 0
      let revenue = 0
      for (const p of list) {
        const net = p.free_order ? 0 : plan.final
        expect(p.net_price).toBe(net)
        const m = await medusaRefunds(p.order_id)
        // every payment's refunds sum to exactly paid − net
        expect(m.refunded).toBe(p.paid - net)
        expect(p.refunded).toBe(p.paid - net)
        refundedTotal += m.refunded
        revenue += p.paid - m.refunded
      }
      expect(refundedTotal).toBe(plan.refunded)
      expect(revenue).toBe(plan.revenue)
      const d = await detail(presaleId)
      expect(d.totals).toMatchObject({ participants: n, paid: plan.paid, refunded: plan.refunded, revenue: plan.revenue, free_orders: plan.winners })
      expect(d.current_price).toBe(plan.final)
      return list
    }

    it("each_step: 40 real checkouts → final 50, 8 free orders, paid 3,100, refunded 1,500, revenue 1,600; every draw verifies", async () => {
      const { presale, people } = await runScaled("each_step", "es-", SPEC_PLAN)
      await settled(presale.id)
      const list = await checkFinal(presale.id, SPEC_PLAN)
      // an early joiner who never won was refunded one step at each of the 10 thresholds
      const early = list.find((p: any) => p.number <= 4 && !p.free_order)
      if (early) {
        expect(early.refunds.filter((r: any) => r.kind === "step")).toHaveLength(10)
        expect(early.refunds.every((r: any) => r.amount === 5 && r.status === "succeeded")).toBe(true)
      }
      // a redelivered paid event changes nothing
      const before = (await settled(presale.id)).length
      const { deliverEvent } = await import("../helpers/events")
      await deliverEvent(getContainer(), "payment.captured", { id: (await orderPayment(list[0].order_id)) })
      expect((await requests(presale.id)).length).toBe(before)

      // the store view: my position, my draws entered, my refunds so far
      const mine = list[0]
      const owner = people.find((p) => p.customer.id === mine.customer_id)!
      const { data: view } = await api.get(`/store/fission/presales/${presale.id}`, { headers: owner.headers })
      expect(view.presale).toMatchObject({ participants: 40, current_price: 50, next_rebate_threshold: null, next_free_draw_at: null })
      expect(view.presale.me.participations[0]).toMatchObject({ number: 1, draws_entered: 8, paid: 100 })
      expect(view.presale.fairness).toMatch(/earlier participants are in more draws/)
      const { data: anon } = await api.get(`/store/fission/presales/${presale.id}`, { headers: store.storeHeaders })
      expect(anon.presale.me).toBeNull()

      // 8 rounds, each drawn among the non-winners so far, each verifiable
      const { data: draws } = await api.get(`/store/fission/presales/${presale.id}/draws?limit=100`, { headers: store.storeHeaders })
      expect(draws.count).toBe(8)
      expect(draws.chain_head).toBe(presale.chain_head)
      for (const d of draws.draws) {
        expect(d.entrants).toBe((d.round + 1) * 5 - d.round)
        expect(d.draw.chain).toMatchObject({ head: presale.chain_head })
        const { data: checked } = await api.get(`/admin/fission/draws/${d.draw_id}`, admin())
        expect(checked.draw.verification).toMatchObject({ valid: true })
        expect(list.find((p: any) => p.id === d.winner_participant_id).won_round).toBe(d.round)
      }

      // close: nothing more is owed
      const { data: closed } = await api.post(`/admin/fission/presales/${presale.id}/close`, {}, admin())
      expect(closed.presale.status).toBe("closed")
      expect(closed.refunds_planned).toBe(0)
      // rules are frozen
      const { response } = await api.post(`/admin/fission/presales/${presale.id}`, { title: "x" }, admin()).catch((e: any) => e)
      expect(response.status).toBe(400)
    })

    const orderPayment = async (orderId: string) => {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=*payment_collections.payments`, admin())
      return data.order.payment_collections[0].payments[0].id
    }

    it("at_close: no refund before the close, then exactly one refund per participant with the same totals", async () => {
      const plan = SMALL_PLAN
      const n = plan.rules.max_participants
      const { presale } = await runScaled("at_close", "ac-", plan)
      // the free orders are drawn as the count crosses each multiple of free_interval (the last
      // right after the last participant is numbered), refunds wait
      await waitFor(() => detail(presale.id), (d: any) => d.free_orders_drawn === plan.winners, { timeout: 120_000 })
      expect(await requests(presale.id)).toHaveLength(0)
      const unitCost = 30
      const { data: proj } = await api.get(`/admin/fission/presales/${presale.id}/projection?unit_cost=${unitCost}`, admin())
      expect(proj.projection.current).toMatchObject({
        participants: n,
        price: plan.final,
        free_orders: plan.winners,
        paid: plan.paid,
        revenue: plan.revenue,
        refunds: plan.refunded,
        margin: plan.revenue - unitCost * n,
      })

      // the end time passes: the sweep job closes it
      await getContainer()
        .resolve<any>("fission_presale")
        .updatePresaleCampaigns({ id: presale.id, ends_at: new Date(Date.now() - 1000) })
      await runJob(getContainer(), "fission-presale-sweep", new Date())
      expect((await detail(presale.id)).status).toBe("closed")
      const rs = await settled(presale.id, n)
      expect(new Set(rs.map((r: any) => r.order_id)).size).toBe(n)
      const list = await checkFinal(presale.id, plan)
      for (const p of list) expect((await medusaRefunds(p.order_id)).count).toBe(1)
    })

    it("minimum not reached: the close fails the campaign and every order is canceled and refunded in full", async () => {
      const presale = await createPresale({ min_participants: 5, refund_timing: "each_step" })
      const people = await shoppers("min-", 4)
      const orders: string[] = []
      for (const [i, who] of people.entries()) {
        orders.push((await join(who, presale.id)).order.id)
        await waitCount(presale.id, i + 1)
      }
      // 4 participants crossed one step: 5 back each already
      await settled(presale.id, 4)
      const { data } = await api.post(`/admin/fission/presales/${presale.id}/close`, {}, admin())
      expect(data.presale).toMatchObject({ status: "failed" })
      await settled(presale.id, 8)
      for (const id of orders) {
        const m = await medusaRefunds(id)
        expect(m.status).toBe("canceled")
        expect(m.refunded).toBe(m.captured)
      }
      // a late capture (a cart completed before the close, paid after) is refunded in full too
    })

    it("a lost refund outcome event: the sweep records core's outcome, and the late event changes nothing", async () => {
      const presale = await createPresale()
      const people = await shoppers("lost-", 4)
      for (const [i, who] of people.entries()) {
        await join(who, presale.id)
        await waitCount(presale.id, i + 1)
      }
      // the 4th joiner crossed the first step: 4 step refunds of 5, each recorded by the event
      await settled(presale.id, 4)
      const recorded = await waitFor(() => participants(presale.id), (ps: any[]) => ps.length === 4 && ps.every((p) => Number(p.refunded) === 5), { timeout: 60_000 })
      // as if `fission.refund.succeeded` had been lost for one of them: the pre-sale's row still
      // waits for core and the participant's refunded is its old value (core's request succeeded)
      const service = getContainer().resolve<any>("fission_presale")
      const lost = recorded[0]
      const [row] = await service.listPresaleRefunds({ participant_id: lost.id })
      await service.updatePresaleRefunds({ id: row.id, status: "requested", refunded_amount: null })
      await service.updatePresaleParticipants({ id: lost.id, refunded: 0 })
      expect(Number((await participants(presale.id)).find((p: any) => p.id === lost.id).refunded)).toBe(0)

      await runJob(getContainer(), "fission-presale-sweep", new Date())
      const after = await participants(presale.id)
      expect(after.map((p: any) => Number(p.refunded))).toEqual([5, 5, 5, 5])
      const [fixed] = await service.listPresaleRefunds({ id: row.id })
      expect(fixed).toMatchObject({ status: "succeeded", request_id: row.request_id })
      expect(Number(fixed.refunded_amount)).toBe(5)

      // the event arrives late (or twice), and the sweep runs again: nothing moves
      const [request] = await requests(presale.id).then((rs) => rs.filter((r: any) => r.id === row.request_id))
      const again = await service.recordRefundOutcome({ cause_key: row.cause_key, request_id: request.id, succeeded: true, refunded_amount: String(request.refunded_amount) })
      expect(again).toBe(false)
      await runJob(getContainer(), "fission-presale-sweep", new Date())
      expect((await participants(presale.id)).map((p: any) => Number(p.refunded))).toEqual([5, 5, 5, 5])
      const { totals } = await detail(presale.id)
      expect([Number(totals.refunded), Number(totals.refund_requested), totals.refunds.succeeded]).toEqual([20, 20, 4])
      for (const p of after) expect(await medusaRefunds(p.order_id)).toMatchObject({ count: 1, refunded: 5 })
    })

    it("admin cancel refunds everyone in full; a refund that fails once is retried to completion with exactly one refund", async () => {
      const presale = await createPresale({ refund_destination: "original_payment" })
      const people = await shoppers("cx-", 4)
      const payment: any = getContainer().resolve(Modules.PAYMENT)
      const original = payment.refundPayment.bind(payment)
      let failures = 0
      // the payment provider refuses the first refund attempt
      payment.refundPayment = async (...args: any[]) => {
        if (failures++ === 0) throw new Error("provider unavailable (injected)")
        return original(...args)
      }
      try {
        for (const [i, who] of people.entries()) {
          await join(who, presale.id)
          await waitCount(presale.id, i + 1)
        }
        // the 4th joiner crossed the first step: 4 step refunds of 5, the first attempt fails
        const failed = await waitFor(() => requests(presale.id), (rs: any[]) => rs.length === 4 && rs.some((r) => r.status === "failed") && rs.filter((r) => r.status === "succeeded").length === 3, { timeout: 120_000 })
        const bad = failed.find((r: any) => r.status === "failed")
        expect(bad.last_error).toMatch(/injected/)
        await runJob(getContainer(), "fission-refund-requests-sweep", new Date(new Date(bad.next_attempt_at).getTime() + 1000))
        await settled(presale.id, 4)
        const list = await participants(presale.id)
        for (const p of list) {
          const m = await medusaRefunds(p.order_id)
          expect(m).toMatchObject({ count: 1, refunded: 5 })
        }
      } finally {
        payment.refundPayment = original
      }
      const { data } = await api.post(`/admin/fission/presales/${presale.id}/cancel`, { reason: "orchard frost" }, admin())
      expect(data.presale).toMatchObject({ status: "canceled", close_reason: "orchard frost" })
      await settled(presale.id, 8)
      for (const p of await participants(presale.id)) {
        const m = await medusaRefunds(p.order_id)
        expect(m.status).toBe("canceled")
        expect(m.refunded).toBe(m.captured)
      }
      // the cancel's refund reports the order's whole refunded total (the step refund and the
      // shipping included); each participant counts it up to what it asked for, once
      const list = await waitFor(() => participants(presale.id), (ps: any[]) => ps.every((p) => p.refund_status === "refunded"), { timeout: 60_000 })
      expect(list.map((p: any) => Number(p.refunded))).toEqual(list.map((p: any) => Number(p.paid)))
      // a canceled pre-sale takes no joiners
      const { cartId } = await prepare(people[0], presale.id).catch((e: any) => ({ cartId: null, error: e }))
      expect(cartId).toBeNull()
    })
  },
})
