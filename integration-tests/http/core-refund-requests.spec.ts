import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { loginShopper } from "../helpers/actors"
import { captureOrder, placeOrder } from "../helpers/checkout"
import { setupStore, StoreSetup } from "../helpers/setup"
import { waitFor } from "../helpers/wait"
import { runJob, runWorkflow } from "../helpers/workflows"

jest.setTimeout(300_000)

// Core's refund requests (plugins/core/src/modules/refund-request): campaigns ask for a refund of an
// order once per cause; core refunds it through Medusa, retries it and shows it in admin.
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    const admin = () => ({ headers: store.adminHeaders })
    const tea = () => store.fixture.products["tea-gift-box"]
    const events: { name: string; data: any }[] = []
    const listener = async (event: any) => void events.push({ name: event.name, data: event.data })
    const canceledEvents: string[] = []

    beforeAll(() => {
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      for (const name of ["fission.refund.succeeded", "fission.refund.failed"]) {
        bus.subscribe(name, listener, { subscriberId: `test-refund-requests-${name}` })
      }
      bus.subscribe("order.canceled", async (event: any) => void canceledEvents.push(event.data.id), { subscriberId: "test-refund-requests-order-canceled" })
    })

    beforeEach(async () => {
      events.length = 0
      store = await setupStore(getContainer(), api)
    })

    const buyTea = async (email: string, { capture = true } = {}) => {
      const who = await loginShopper(getContainer(), api, store.fixture.publishable_key, email)
      const order = await placeOrder(api, who.headers, store.fixture, [{ variant_id: tea().variant_id, quantity: 1 }])
      if (capture) await captureOrder(api, store.adminHeaders, order.id)
      return { who, order }
    }

    const request = (input: Record<string, unknown>) => runWorkflow(getContainer(), "fission-create-refund-requests", input)

    const list = async (query: string) => (await api.get(`/admin/fission/refund-requests?${query}`, admin())).data

    const medusaRefunds = async (orderId: string) => {
      const { data } = await api.get(
        `/admin/orders/${orderId}?fields=id,status,*payment_collections.payments,*payment_collections.payments.refunds`,
        admin()
      )
      return data.order.payment_collections.flatMap((c: any) => c.payments).flatMap((p: any) => p.refunds ?? [])
    }

    const storeCredit = async (who: any) => {
      const { data } = await api.get("/store/fission/wallet", { headers: who.headers })
      return (data.wallet.store_credit ?? []).reduce((sum: number, a: any) => sum + Number(a.balance), 0)
    }

    it("a partial refund goes through refundPaymentWorkflow once per cause key, is listed by filters and announced", async () => {
      const { order } = await buyTea("partial@fission.test")
      const ask = {
        cause_key: "test:partial:1",
        order_id: order.id,
        mode: "partial",
        amount: 12.5,
        source_type: "test.campaign",
        source_id: "camp_1",
        reason: "test.step",
      }
      const [first] = await request({ requests: [ask] })
      expect(first).toMatchObject({ created: true, request: { status: "pending", amount: "12.5", currency_code: "cny" } })

      // core's subscriber attempts it at once
      const { refund_requests } = await waitFor(
        () => list(`order_id=${order.id}`),
        (l: any) => l.refund_requests[0]?.status === "succeeded"
      )
      expect(refund_requests[0]).toMatchObject({
        id: first.request.id,
        cause_key: "test:partial:1",
        mode: "partial",
        destination: "original_payment",
        amount: 12.5,
        refunded_amount: 12.5,
        attempts: 1,
        last_error: null,
        source_type: "test.campaign",
        source_id: "camp_1",
      })
      const refunds = await medusaRefunds(order.id)
      expect(refunds).toHaveLength(1)
      expect(Number(refunds[0].amount)).toBe(12.5)
      expect(refunds[0].note).toContain(first.request.id)
      expect(refund_requests[0].refunds).toEqual([{ type: "payment_refund", id: refunds[0].id, amount: 12.5 }])

      // the same cause again: the first request, no second refund
      const [again] = await request({ requests: [ask] })
      expect(again).toMatchObject({ created: false, request: { id: first.request.id, status: "succeeded" } })
      // the same cause for another amount is a mistake, named as such
      await expect(request({ requests: [{ ...ask, amount: 20 }] })).rejects.toMatchObject({
        type: "duplicate_error",
        message: expect.stringContaining("cause_key test:partial:1 was already used"),
      })
      expect(await medusaRefunds(order.id)).toHaveLength(1)

      await waitFor(
        async () => events,
        (e) => e.some((x) => x.name === "fission.refund.succeeded")
      )
      expect(events.filter((e) => e.name === "fission.refund.succeeded").map((e) => e.data)).toEqual([
        expect.objectContaining({
          id: first.request.id,
          cause_key: "test:partial:1",
          order_id: order.id,
          source_type: "test.campaign",
          source_id: "camp_1",
          refunded_amount: "12.5",
        }),
      ])

      // filters: status, source, several order ids; bad input is a 400 naming the field
      expect((await list("status=succeeded&source_type=test.campaign&source_id=camp_1")).count).toBe(1)
      expect((await list("status=failed,pending")).count).toBe(0)
      expect((await list(`order_id=${order.id},order_nope`)).count).toBe(1)
      const bad = await api.get("/admin/fission/refund-requests?status=lost", admin()).catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/status/)
      const nul = await api.get("/admin/fission/refund-requests?order_id=%00", admin()).catch((e: any) => e.response)
      expect(nul.status).toBe(400)
      expect((await api.get(`/admin/fission/refund-requests/${first.request.id}`, admin())).data.refund_request.id).toBe(
        first.request.id
      )
      // an unknown id is a 404; a NUL byte is refused by core's guard before any route runs (400 naming it)
      for (const [path, status] of [["frr_nope", 404], ["%00", 400], ["frr_nope/retry", 404], ["%00/retry", 400]] as const) {
        const call = path.endsWith("retry") ? api.post(`/admin/fission/refund-requests/${path}`, {}, admin()) : api.get(`/admin/fission/refund-requests/${path}`, admin())
        expect((await call.catch((e: any) => e.response)).status).toBe(status)
      }
      const anonymous = await api.get("/admin/fission/refund-requests").catch((e: any) => e.response)
      expect(anonymous.status).toBe(401)
    })

    it("a failed refund records attempts and the error, is retried by the sweep after its backoff and by the admin; gives up after max_attempts", async () => {
      // authorized, not captured yet: Medusa refuses the refund
      const { order } = await buyTea("retry@fission.test", { capture: false })
      const [{ request: asked }] = await request({
        requests: [
          { cause_key: "test:retry:1", order_id: order.id, mode: "partial", amount: 30, source_type: "test.campaign", source_id: "camp_2" },
        ],
      })
      const failed = (
        await waitFor(
          () => list(`cause_key=test:retry:1`),
          (l: any) => l.refund_requests[0]?.status === "failed"
        )
      ).refund_requests[0]
      expect(failed).toMatchObject({ attempts: 1, refunded_amount: 0 })
      expect(failed.last_error).toMatch(/captured/)
      const wait = new Date(failed.next_attempt_at).getTime() - Date.now()
      expect(wait).toBeGreaterThan(60_000) // 2 minutes after the first failure

      // the sweep before the retry time leaves it alone
      await runJob(getContainer(), "fission-refund-requests-sweep", new Date())
      expect((await list(`cause_key=test:retry:1`)).refund_requests[0]).toMatchObject({ status: "failed", attempts: 1 })

      // the admin retries before the cause is fixed: a second failed attempt, answered with the request
      const { data: retried } = await api.post(`/admin/fission/refund-requests/${asked.id}/retry`, {}, admin())
      expect(retried.refund_request).toMatchObject({ status: "failed", attempts: 2 })

      // captured: the sweep at the retry time refunds it, once
      await captureOrder(api, store.adminHeaders, order.id)
      const due = new Date(new Date(retried.refund_request.next_attempt_at).getTime() + 1000)
      await runJob(getContainer(), "fission-refund-requests-sweep", due)
      expect((await list(`cause_key=test:retry:1`)).refund_requests[0]).toMatchObject({ status: "succeeded", attempts: 3, refunded_amount: 30 })
      await runJob(getContainer(), "fission-refund-requests-sweep", new Date(due.getTime() + 3_600_000))
      const refunds = await medusaRefunds(order.id)
      expect(refunds.map((r: any) => Number(r.amount))).toEqual([30])

      const again = await api.post(`/admin/fission/refund-requests/${asked.id}/retry`, {}, admin()).catch((e: any) => e.response)
      expect(again.status).toBe(400)
      expect(again.data.message).toMatch(/already succeeded/)
      const unknown = await api.post(`/admin/fission/refund-requests/frr_nope/retry`, {}, admin()).catch((e: any) => e.response)
      expect(unknown.status).toBe(404)

      // more than was captured (99 + 10 shipping = 109, 30 refunded) with one attempt allowed: given up at once, announced
      const [{ request: tooMuch }] = await request({
        requests: [
          {
            cause_key: "test:retry:too-much",
            order_id: order.id,
            mode: "partial",
            amount: 80,
            max_attempts: 1,
            source_type: "test.campaign",
            source_id: "camp_2",
          },
        ],
      })
      const gaveUp = (await waitFor(() => list(`cause_key=test:retry:too-much`), (l: any) => l.refund_requests[0]?.status === "failed"))
        .refund_requests[0]
      expect(gaveUp).toMatchObject({ attempts: 1, next_attempt_at: null })
      expect(gaveUp.last_error).toMatch(/79 CNY captured and not refunded, 80 is needed/)
      await waitFor(async () => events, (e) => e.some((x) => x.name === "fission.refund.failed"))
      expect(events.find((e) => e.name === "fission.refund.failed")!.data).toMatchObject({
        id: tooMuch.id,
        cause_key: "test:retry:too-much",
        order_id: order.id,
        attempts: 1,
        error: expect.stringMatching(/80 is needed/),
      })
      expect(await medusaRefunds(order.id)).toHaveLength(1)
    })

    it("crash-safe: a refund Medusa made before the request was marked done is found again, only the rest is refunded", async () => {
      const { order } = await buyTea("crash@fission.test")
      const [{ request: asked }] = await request({
        requests: [
          { cause_key: "test:crash:1", order_id: order.id, mode: "partial", amount: 30, source_type: "test.campaign", source_id: "camp_3" },
        ],
        process: "caller",
      })
      expect(asked.status).toBe("pending")
      // the process refunded 20 of it through Medusa, then died before recording anything: the request is
      // left `processing` with its lease run out
      const { data } = await api.get(`/admin/orders/${order.id}?fields=*payment_collections.payments`, admin())
      const payment = data.order.payment_collections[0].payments[0]
      await runWorkflow(getContainer(), "refund-payment-workflow", {
        payment_id: payment.id,
        amount: 20,
        note: `Fission refund request ${asked.id} (test:crash:1)`,
      })
      await getContainer()
        .resolve("fission_refund_request")
        .updateRefundRequests({ id: asked.id, status: "processing", attempts: 1, locked_until: new Date(Date.now() - 1000) })

      await runJob(getContainer(), "fission-refund-requests-sweep", new Date())
      expect((await list(`cause_key=test:crash:1`)).refund_requests[0]).toMatchObject({
        status: "succeeded",
        attempts: 2,
        refunded_amount: 30,
      })
      expect((await medusaRefunds(order.id)).map((r: any) => Number(r.amount)).sort()).toEqual([10, 20])

      // a live lease is never stolen: neither the sweep nor an admin retry attempts a request being processed
      const [{ request: busy }] = await request({
        requests: [
          { cause_key: "test:crash:2", order_id: order.id, mode: "partial", amount: 5, source_type: "test.campaign", source_id: "camp_3" },
        ],
        process: "caller",
      })
      await getContainer()
        .resolve("fission_refund_request")
        .updateRefundRequests({ id: busy.id, status: "processing", attempts: 1, locked_until: new Date(Date.now() + 600_000) })
      await runJob(getContainer(), "fission-refund-requests-sweep", new Date(Date.now() + 120_000))
      const refused = await api.post(`/admin/fission/refund-requests/${busy.id}/retry`, {}, admin()).catch((e: any) => e.response)
      expect(refused.status).toBe(400)
      expect(refused.data.message).toMatch(/being attempted right now/)
      expect(await medusaRefunds(order.id)).toHaveLength(2)
    })

    it("crash-safe cancel: an attempt that died inside Medusa's cancel (refund made, its credit line pending or not begun) is finished by the retry as a clean cancel", async () => {
      const orderView = async (orderId: string) =>
        (await api.get(`/admin/orders/${orderId}?fields=id,status,summary,*credit_lines`, admin())).data.order
      const creditTotal = (o: any) => (o.credit_lines ?? []).reduce((sum: number, c: any) => sum + Number(c.amount), 0)
      const cancelRequest = async (orderId: string, key: string, process?: "caller") =>
        (await request({ requests: [{ cause_key: key, order_id: orderId, mode: "cancel", source_type: "test.campaign", source_id: "camp_5" }], process }))[0]
          .request

      // the reference: a cancel nothing interrupted
      const { order: clean } = await buyTea("clean-cancel@fission.test")
      await cancelRequest(clean.id, "test:dead-cancel:clean")
      await waitFor(() => list(`cause_key=test:dead-cancel:clean`), (l: any) => l.refund_requests[0]?.status === "succeeded")
      const reference = await orderView(clean.id)
      expect(reference.status).toBe("canceled")
      expect(creditTotal(reference)).toBe(109)

      const orderModule = getContainer().resolve(Modules.ORDER)
      for (const changeLeft of [true, false]) {
        const { order } = await buyTea(`dead-cancel-${changeLeft}@fission.test`)
        const asked = await cancelRequest(order.id, `test:dead-cancel:${changeLeft}`, "caller")
        // the attempt refunded the capture inside cancelOrderWorkflow, then died: before confirming the
        // credit-line change it had created (every later cancel refused: "active order change"), or before creating it
        const { data } = await api.get(`/admin/orders/${order.id}?fields=*payment_collections.payments`, admin())
        const collection = data.order.payment_collections[0]
        // as cancelOrderWorkflow refunds (refundCapturedPaymentsWorkflow → refundPaymentsWorkflow: no credit line of its own)
        await runWorkflow(getContainer(), "refund-payments-workflow", [
          { payment_id: collection.payments[0].id, amount: 109, created_by: `fission_refund_request:${asked.id}` },
        ])
        if (changeLeft) {
          const change = await orderModule.createOrderChange({ order_id: order.id, change_type: "credit_line" as any })
          await orderModule.addOrderAction({
            order_change_id: change.id,
            order_id: order.id,
            version: change.version,
            action: "CREDIT_LINE_ADD",
            reference: "payment_collection",
            reference_id: collection.id,
            amount: 109,
          })
        }
        await getContainer()
          .resolve("fission_refund_request")
          .updateRefundRequests({ id: asked.id, status: "processing", attempts: 1, locked_until: new Date(Date.now() - 1000) })

        await runJob(getContainer(), "fission-refund-requests-sweep", new Date())
        expect((await list(`cause_key=test:dead-cancel:${changeLeft}`)).refund_requests[0]).toMatchObject({
          status: "succeeded",
          attempts: 2,
          refunded_amount: 109,
        })
        expect((await medusaRefunds(order.id)).map((r: any) => Number(r.amount))).toEqual([109])
        const after = await orderView(order.id)
        expect(after.status).toBe("canceled")
        expect(creditTotal(after)).toBe(109)
        // the balance a clean cancel leaves (the other summary fields are relative to the order's last version)
        const balance = ({ summary: s }: any) =>
          [s.current_order_total, s.accounting_total, s.paid_total, s.refunded_total, s.transaction_total, s.pending_difference].map(Number)
        expect(balance(after)).toEqual(balance(reference))
        const open = await orderModule.listOrderChanges({ order_id: order.id, status: ["pending", "requested"] as any })
        expect(open).toHaveLength(0)
      }
    })

    it("store credit destination credits once; cancel mode cancels and refunds everything captured; a later partial is moot", async () => {
      const { who, order } = await buyTea("credit@fission.test")
      const credit = {
        cause_key: "test:credit:1",
        order_id: order.id,
        mode: "partial",
        amount: 15,
        destination: "store_credit",
        source_type: "test.campaign",
        source_id: "camp_4",
      }
      await request({ requests: [credit] })
      await waitFor(() => list(`cause_key=test:credit:1`), (l: any) => l.refund_requests[0]?.status === "succeeded")
      await request({ requests: [credit] })
      expect(await storeCredit(who)).toBe(15)
      expect(await medusaRefunds(order.id)).toHaveLength(0)

      const bad = request({ requests: [{ ...credit, cause_key: "test:credit:cancel", mode: "cancel", amount: undefined }] })
      await expect(bad).rejects.toMatchObject({ type: "invalid_data", message: expect.stringMatching(/cancel refunds the original payment/) })

      await request({
        requests: [{ cause_key: "test:cancel:1", order_id: order.id, mode: "cancel", source_type: "test.campaign", source_id: "camp_4" }],
      })
      const canceled = (await waitFor(() => list(`cause_key=test:cancel:1`), (l: any) => l.refund_requests[0]?.status === "succeeded"))
        .refund_requests[0]
      expect(canceled).toMatchObject({ refunded_amount: 109, refunds: [{ type: "order_cancel", id: order.id, amount: 109 }] })
      const { data } = await api.get(`/admin/orders/${order.id}?fields=id,status`, admin())
      expect(data.order.status).toBe("canceled")

      await request({
        requests: [
          { cause_key: "test:after-cancel", order_id: order.id, mode: "partial", amount: 5, source_type: "test.campaign", source_id: "camp_4" },
        ],
      })
      const moot = (await waitFor(() => list(`cause_key=test:after-cancel`), (l: any) => l.refund_requests[0]?.status === "succeeded"))
        .refund_requests[0]
      expect(moot).toMatchObject({ refunded_amount: 0, refunds: [{ type: "order_cancel", id: order.id, amount: null }] })
      expect((await medusaRefunds(order.id)).map((r: any) => Number(r.amount))).toEqual([109])
      expect(await storeCredit(who)).toBe(15)
    })

    it("full cancels of many orders go together in batch runs (cancelOrdersForRefundWorkflow), each order ending as Medusa's own cancel leaves it", async () => {
      const orderView = async (orderId: string) =>
        (await api.get(`/admin/orders/${orderId}?fields=id,status,summary,*credit_lines,*items`, admin())).data.order
      const balance = ({ summary: s }: any) =>
        [s.current_order_total, s.accounting_total, s.paid_total, s.refunded_total, s.transaction_total, s.pending_difference].map(Number)
      const creditTotal = (o: any) => (o.credit_lines ?? []).reduce((sum: number, c: any) => sum + Number(c.amount), 0)
      const reserved = async (orderId: string) => {
        const o = await orderView(orderId)
        const items = await getContainer().resolve(Modules.INVENTORY).listReservationItems({ line_item_id: o.items.map((i: any) => i.id) })
        return items.length
      }

      // the reference: one order canceled with Medusa's cancelOrderWorkflow
      const { order: reference } = await buyTea("batch-reference@fission.test")
      await runWorkflow(getContainer(), "cancel-order", { order_id: reference.id })
      const expected = await orderView(reference.id)

      const captured = []
      for (let i = 0; i < 7; i++) captured.push((await buyTea(`batch-${i}@fission.test`)).order)
      const { order: unpaid } = await buyTea("batch-unpaid@fission.test", { capture: false })
      const all = [...captured, unpaid]
      expect(await reserved(unpaid.id)).toBe(1)
      const created = await request({
        requests: all.map((o, i) => ({ cause_key: `test:batch:${i}`, order_id: o.id, mode: "cancel", source_type: "test.batch", source_id: "camp_6" })),
        process: "caller",
      })
      canceledEvents.length = 0
      // 8 requests → runs of 2 (4 at a time), each run one batch cancel
      const processed = await runWorkflow(getContainer(), "fission-process-refund-requests", { ids: created.map((c: any) => c.request.id), force: true })
      expect(processed.map((p: any) => [p.attempted, p.status])).toEqual(all.map(() => [true, "succeeded"]))

      const requestOf = new Map(created.map((c: any) => [c.request.order_id, c.request.id]))
      for (const o of captured) {
        const after = await orderView(o.id)
        expect(after.status).toBe("canceled")
        // the batch's credit line (cancelOrderWorkflow's own change carries no author)
        const changes = await getContainer().resolve(Modules.ORDER).listOrderChanges({ order_id: o.id })
        expect(changes.map((c: any) => [c.change_type, c.status, c.created_by])).toEqual([["credit_line", "confirmed", `fission_refund_request:${requestOf.get(o.id)}`]])
        expect((await medusaRefunds(o.id)).map((r: any) => Number(r.amount))).toEqual([109])
        expect(creditTotal(after)).toBe(creditTotal(expected))
        expect(balance(after)).toEqual(balance(expected))
        expect(await reserved(o.id)).toBe(0)
      }
      expect((await orderView(unpaid.id)).status).toBe("canceled")
      expect(await medusaRefunds(unpaid.id)).toHaveLength(0)
      expect(await reserved(unpaid.id)).toBe(0)
      const { data: pay } = await api.get(`/admin/orders/${unpaid.id}?fields=*payment_collections.payments`, admin())
      expect(pay.order.payment_collections[0].payments[0].canceled_at).toBeTruthy()
      expect(pay.order.payment_collections[0].status).toBe("canceled")
      expect((await list(`source_id=camp_6&limit=50`)).refund_requests.map((r: any) => [r.attempts, Number(r.refunded_amount)]).sort()).toEqual(
        [...captured.map(() => [1, 109]), [1, 0]].sort()
      )
      await waitFor(async () => canceledEvents.length, (n: number) => n >= all.length)
      expect(new Set(canceledEvents).size).toBe(all.length)
    })

    it("many requests processed by racing processors (event, sweep, forced batches) refund exactly once each", async () => {
      const orders: string[] = []
      for (let i = 0; i < 3; i++) orders.push((await buyTea(`race-${i}@fission.test`)).order.id)
      const requests = orders.flatMap((order_id, i) =>
        [1, 2, 3].map((step) => ({
          cause_key: `test:race:${i}:step:${step}`,
          order_id,
          mode: "partial",
          amount: 1,
          source_type: "test.race",
          source_id: "camp_5",
        }))
      )
      const created = await request({ requests, process: "caller" })
      const ids = created.map((c: any) => c.request.id)
      await Promise.all([
        runWorkflow(getContainer(), "fission-process-refund-requests", { ids, force: true }),
        runWorkflow(getContainer(), "fission-process-refund-requests", { ids: [...ids].reverse(), force: true }),
        runJob(getContainer(), "fission-refund-requests-sweep", new Date(Date.now() + 120_000)),
        getContainer().resolve(Modules.EVENT_BUS).emit({ name: "fission.refund.requested", data: { ids } }),
      ])
      const done = await waitFor(
        () => list("source_type=test.race&limit=100"),
        (l: any) => l.refund_requests.length === 9 && l.refund_requests.every((r: any) => r.status === "succeeded")
      )
      expect(done.refund_requests.every((r: any) => r.attempts === 1)).toBe(true)
      for (const order_id of orders) {
        expect((await medusaRefunds(order_id)).map((r: any) => Number(r.amount))).toEqual([1, 1, 1])
      }
    })
  },
})
