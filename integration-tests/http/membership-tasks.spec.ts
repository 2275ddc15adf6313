import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { loginShopper } from "../helpers/actors"
import { captureOrder, placeOrder } from "../helpers/checkout"
import { setupStore, StoreSetup } from "../helpers/setup"
import { waitFor } from "../helpers/wait"
import { runWorkflow } from "../helpers/workflows"

jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    let shopper: any
    const admin = () => ({ headers: store.adminHeaders })
    const fail = (e: any) => e.response
    const login = (email: string) => loginShopper(getContainer(), api, store.fixture.publishable_key, email)
    const createTask = async (body: Record<string, unknown>) =>
      (await api.post("/admin/fission/membership/tasks", { title: String(body.kind), ...body }, admin())).data.task
    const completions = async (task_id: string, customer_id?: string) =>
      (
        await api.get(
          `/admin/fission/membership/task-completions?task_id=${task_id}${customer_id ? `&customer_id=${customer_id}` : ""}`,
          admin()
        )
      ).data.completions
    const taskPoints = async (headers: any) =>
      (await api.get("/store/fission/points/statement", { headers })).data.statement.earned.by_reason["points.task"] ?? 0
    const myTasks = async (headers: any) => (await api.get("/store/fission/tasks", { headers })).data.tasks
    const ledgerOk = async () => (await api.get("/admin/fission/ledger/reconciliation", admin())).data.reconciliation.ok
    const tea = () => store.fixture.products["tea-gift-box"]
    const buy = async (who: any, product = "tea-gift-box") => {
      const order = await placeOrder(api, who.headers, store.fixture, [{ variant_id: store.fixture.products[product].variant_id, quantity: 1 }])
      await captureOrder(api, store.adminHeaders, order.id)
      return order
    }
    const sql = (text: string, bindings: unknown[]) => (getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any).raw(text, bindings)
    // what a (re)delivered payment.captured does for the order's tasks, run to the end
    const orderPaid = (order_id: string) => runWorkflow(getContainer(), "fission-membership-apply-task-event", { event: "order_paid", order_id })

    beforeEach(async () => {
      store = await setupStore(getContainer(), api)
      shopper = await login("member@fission.test")
    })

    it("first purchase within N days of sign-up: a new customer earns, a customer signed up 8 days ago only the 30-day task; a redelivered capture adds nothing", async () => {
      const week = await createTask({ kind: "first_purchase_within_days", params: { days: 7 }, reward_points: 100, position: 0 })
      const month = await createTask({ kind: "first_purchase_within_days", params: { days: 30 }, reward_points: 10, position: 1 })

      const order = await buy(shopper)
      await waitFor(() => completions(month.id, shopper.customer.id), (c) => c.length === 1)
      expect(await completions(week.id, shopper.customer.id)).toMatchObject([
        { status: "completed", cause_type: "order", cause_id: order.id, points: 100 },
      ])
      expect(await taskPoints(shopper.headers)).toBe(110)

      // redelivery of the capture: every task reports the cause as already counted
      const replay = await orderPaid(order.id)
      expect(replay.map((r: any) => [r.task_id, r.outcome])).toEqual([
        [week.id, "duplicate"],
        [month.id, "duplicate"],
      ])
      expect(await taskPoints(shopper.headers)).toBe(110)
      expect(await completions(week.id)).toHaveLength(1)

      const old = await login("old@fission.test")
      await sql(`UPDATE customer SET created_at = now() - interval '8 days' WHERE id = ?`, [old.customer.id])
      const late = await buy(old)
      // tasks are applied in position order: once the 30-day one is recorded, the 7-day one was decided
      await waitFor(() => completions(month.id, old.customer.id), (c) => c.length === 1)
      expect(await completions(week.id, old.customer.id)).toEqual([])
      expect((await orderPaid(late.id)).map((r: any) => [r.task_id, r.outcome])).toEqual([[month.id, "duplicate"]])
      expect(await taskPoints(old.headers)).toBe(10)
      expect(await ledgerOk()).toBe(true)
    })

    it("invite register and invite purchase: binding through distribution's referral route and the friend's first paid order reward the referrer once", async () => {
      const register = await createTask({ kind: "invite_register", repeat_rule: "unlimited", cap: 5, reward_points: 20 })
      const purchase = await createTask({ kind: "invite_purchase", repeat_rule: "unlimited", reward_points: 50, reward_growth: 5 })
      const { data } = await api.get("/store/fission/referral", { headers: shopper.headers })
      const friend = await login("friend@fission.test")
      await api.post("/store/fission/referral/bind", { code: data.referral.code }, { headers: friend.headers })

      await waitFor(() => completions(register.id), (c) => c.length === 1)
      expect((await completions(register.id))[0]).toMatchObject({ customer_id: shopper.customer.id, cause_type: "referral", cause_id: friend.customer.id })

      const first = await buy(friend)
      await waitFor(() => completions(purchase.id), (c) => c.length === 1)
      expect((await completions(purchase.id))[0]).toMatchObject({ customer_id: shopper.customer.id, cause_id: first.id, points: 50 })

      // the friend's second paid order is not a first purchase
      const second = await buy(friend)
      expect(await orderPaid(second.id)).toEqual([])
      expect(await completions(purchase.id)).toHaveLength(1)
      expect(await taskPoints(shopper.headers)).toBe(70)
      expect(await taskPoints(friend.headers)).toBe(0)
      const tasks = await myTasks(shopper.headers)
      expect(tasks.find((t: any) => t.id === register.id).progress).toMatchObject({ completed_total: 1, remaining: 4 })
    })

    it("share: once per local day, capped at 2 over all days", async () => {
      const share = await createTask({ kind: "share", repeat_rule: "daily", cap: 2, reward_points: 5 })
      const report = async (iso: string) =>
        (await api.post("/store/fission/tasks/shares", { channel: "wechat" }, { headers: { ...shopper.headers, "x-fission-now": iso } })).data.share
      const outcome = async (iso: string) => (await report(iso)).tasks.map((t: any) => t.outcome)

      // 23:30 and 23:50 on 1 March in Shanghai (UTC+8): one local day, so the second share is the same cause
      expect(await outcome("2026-03-01T15:30:00Z")).toEqual(["recorded"])
      expect(await outcome("2026-03-01T15:50:00Z")).toEqual(["duplicate"])
      // 00:10 on 2 March in Shanghai
      expect(await outcome("2026-03-01T16:10:00Z")).toEqual(["recorded"])
      expect(await outcome("2026-03-03T04:00:00Z")).toEqual(["cap_reached"])

      const rows = await completions(share.id)
      expect(rows.map((c: any) => c.local_date).sort()).toEqual(["2026-03-01", "2026-03-02"])
      expect(await taskPoints(shopper.headers)).toBe(10)
      const [task] = await myTasks({ ...shopper.headers, "x-fission-now": "2026-03-03T04:00:00Z" })
      expect(task.progress).toMatchObject({ completed_today: 0, completed_total: 2, remaining: 0, available: false })
    })

    it("10 concurrent share reports against an unlimited task capped at 3: exactly 3 count, each paid once", async () => {
      const share = await createTask({ kind: "share", repeat_rule: "unlimited", cap: 3, reward_points: 7 })
      const reports = await Promise.all(
        Array.from({ length: 10 }, () => api.post("/store/fission/tasks/shares", {}, { headers: shopper.headers }))
      )
      const outcomes = reports.map((r) => r.data.share.tasks[0].outcome)
      expect(outcomes.filter((o) => o === "recorded")).toHaveLength(3)
      expect(outcomes.filter((o) => o === "cap_reached")).toHaveLength(7)
      expect(await completions(share.id)).toHaveLength(3)
      expect(await taskPoints(shopper.headers)).toBe(21)
      expect(await ledgerOk()).toBe(true)
    })

    it("repurchase within 10 days: counts an order placed within 10 days of the previous paid one", async () => {
      const repurchase = await createTask({ kind: "repurchase_within_days", params: { days: 10 }, repeat_rule: "unlimited", reward_points: 30 })
      const first = await buy(shopper)
      expect(await orderPaid(first.id)).toEqual([])
      await sql(`UPDATE "order" SET created_at = now() - interval '20 days' WHERE id = ?`, [first.id])
      const second = await buy(shopper)
      // 20 days after the previous paid order: too late
      expect(await orderPaid(second.id)).toEqual([])
      const third = await buy(shopper)
      await waitFor(() => completions(repurchase.id), (c) => c.length === 1)
      expect((await completions(repurchase.id))[0]).toMatchObject({ cause_id: third.id, points: 30 })
      expect(await completions(repurchase.id)).toHaveLength(1)
      expect(await taskPoints(shopper.headers)).toBe(30)
    })

    it("claim: an incomplete profile is refused naming the fields; 10 concurrent claims pay once; the growth reward moves the level", async () => {
      await api.post("/admin/fission/membership/levels", { name: "Member", growth_threshold: 0 }, admin())
      const {
        data: { level: silver },
      } = await api.post("/admin/fission/membership/levels", { name: "Silver", growth_threshold: 50 }, admin())
      const profile = await createTask({ kind: "complete_profile", completion_mode: "claim", reward_points: 40, reward_growth: 60 })

      const [listed] = await myTasks(shopper.headers)
      expect(listed.progress).toMatchObject({ can_claim: false, missing_fields: ["last_name", "phone"], claimable: 0 })
      const early = await api.post(`/store/fission/tasks/${profile.id}/claim`, {}, { headers: shopper.headers }).catch(fail)
      expect(early.status).toBe(400)
      expect(early.data.message).toMatch(/missing last_name, phone/)

      await api.post("/store/customers/me", { last_name: "Li", phone: "13800000000" }, { headers: shopper.headers })
      expect((await myTasks(shopper.headers))[0].progress).toMatchObject({ can_claim: true, missing_fields: [] })

      const claims = await Promise.all(
        Array.from({ length: 10 }, () => api.post(`/store/fission/tasks/${profile.id}/claim`, {}, { headers: shopper.headers }).catch(fail))
      )
      expect(claims.filter((r) => r.status === 201)).toHaveLength(1)
      expect(claims.filter((r) => r.status === 400).map((r) => r.data.code)).toEqual(Array(9).fill("nothing_to_claim"))
      expect(claims.find((r) => r.status === 400).data).toMatchObject({ type: "not_allowed", message: `Task ${profile.id}: nothing to claim` })
      expect(await completions(profile.id)).toMatchObject([{ status: "completed", points: 40, growth: 60 }])

      const history = (await api.get("/store/fission/wallet/history?asset=points", { headers: shopper.headers })).data
      expect(history.postings.filter((p: any) => p.reason === "points.task")).toHaveLength(1)
      const membership = (await api.get("/store/fission/membership", { headers: shopper.headers })).data.membership
      expect(membership).toMatchObject({ growth: 60, level: { id: silver.id }, points: { available: 40 } })
      expect((await myTasks(shopper.headers))[0].progress).toMatchObject({ completed_total: 1, remaining: 0, can_claim: false })
      expect(await ledgerOk()).toBe(true)
    })

    it("review a product: only after buying and paying for it, once per product; the coupon reward is granted once", async () => {
      // a template the admin made in Medusa's Promotions UI: 10 off the order, kept as a draft
      const {
        data: { promotion: template },
      } = await api.post(
        "/admin/promotions",
        {
          code: "TASK10",
          type: "standard",
          status: "draft",
          application_method: { type: "fixed", target_type: "order", allocation: "across", value: 10, currency_code: "cny" },
        },
        admin()
      )
      const review = await createTask({
        kind: "review_product",
        repeat_rule: "unlimited",
        cap: 10,
        reward_points: 15,
        reward_promotion_id: template.id,
      })
      const body = { product_id: tea().product_id, rating: 5, content: "Fragrant" }
      const before = await api.post("/store/fission/product-reviews", body, { headers: shopper.headers }).catch(fail)
      expect(before.status).toBe(400)
      expect(before.data.message).toMatch(/bought and paid for/)

      await buy(shopper)
      const created = await api.post("/store/fission/product-reviews", body, { headers: shopper.headers })
      expect(created.status).toBe(201)
      await waitFor(() => completions(review.id), (c) => c.length === 1)
      await waitFor(() => completions(review.id), (c) => !!c[0].coupon_code)
      const [done] = await completions(review.id)
      expect(done).toMatchObject({ cause_type: "product", cause_id: tea().product_id, points: 15, reward_promotion_id: template.id })
      expect(done.coupon_code).toMatch(/^FM-/)
      const { data: granted } = await api.get(`/admin/promotions/${done.coupon_promotion_id}`, admin())
      expect(granted.promotion).toMatchObject({ code: done.coupon_code, status: "active" })
      // a redelivered review event: the same completion and coupon, nothing new
      const replay = await runWorkflow(getContainer(), "fission-membership-apply-task-event", {
        event: "product_reviewed",
        customer_id: shopper.customer.id,
        product_id: tea().product_id,
      })
      expect(replay).toMatchObject([{ task_id: review.id, outcome: "duplicate", completion: { id: done.id, coupon_code: done.coupon_code } }])
      const again = await api.post("/store/fission/product-reviews", body, { headers: shopper.headers }).catch(fail)
      expect(again).toMatchObject({
        status: 422,
        data: { type: "duplicate_error", code: "already_reviewed", message: `You already reviewed product ${tea().product_id}` },
      })
      const list = await api.get(`/store/fission/product-reviews?product_id=${tea().product_id}`, { headers: store.storeHeaders })
      expect(list.data).toMatchObject({ count: 1, reviews: [{ rating: 5, content: "Fragrant" }] })
      expect(await taskPoints(shopper.headers)).toBe(15)
      const bad = await api.post("/store/fission/product-reviews", { ...body, rating: 6 }, { headers: shopper.headers }).catch(fail)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/rating/)
    })

    it("admin: incoherent tasks are refused naming the field; deactivated and out-of-window tasks are not offered or claimable", async () => {
      const post = (body: any) => api.post("/admin/fission/membership/tasks", { title: "t", ...body }, admin()).catch(fail)
      expect((await post({ kind: "repurchase_within_days", reward_points: 5 })).data.message).toMatch(/params.days/)
      expect((await post({ kind: "share", reward_points: 5, reward_promotion_id: "promo_missing" })).data.message).toMatch(/reward_promotion_id/)
      expect((await post({ kind: "share" })).data.message).toMatch(/reward is required/)
      expect((await post({ kind: "dance", reward_points: 5 })).status).toBe(400)

      const share = await createTask({ kind: "share", repeat_rule: "daily", reward_points: 5, completion_mode: "claim" })
      const later = await createTask({ kind: "share", reward_points: 5, starts_at: "2030-01-01T00:00:00Z" })
      expect((await myTasks(shopper.headers)).map((t: any) => t.id)).toEqual([share.id])

      const auto = await createTask({ kind: "invite_register", reward_points: 1 })
      expect((await api.post(`/store/fission/tasks/${auto.id}/claim`, {}, { headers: shopper.headers }).catch(fail)).status).toBe(400)
      expect((await api.post(`/store/fission/tasks/mtask_missing/claim`, {}, { headers: shopper.headers }).catch(fail)).status).toBe(404)
      const nothing = await api.post(`/store/fission/tasks/${share.id}/claim`, {}, { headers: shopper.headers }).catch(fail)
      expect(nothing).toMatchObject({ status: 400, data: { code: "nothing_to_claim", message: expect.stringMatching(/nothing to claim/) } })

      // a claim-mode share waits for its claim
      const shared = (await api.post("/store/fission/tasks/shares", {}, { headers: shopper.headers })).data.share
      expect(shared.tasks).toMatchObject([{ task_id: share.id, outcome: "recorded", completion: { status: "claimable" } }])
      expect(await taskPoints(shopper.headers)).toBe(0)
      await api.post(`/admin/fission/membership/tasks/${share.id}`, { is_active: false }, admin())
      expect((await myTasks(shopper.headers)).map((t: any) => t.id)).toEqual([auto.id])
      expect((await api.post(`/store/fission/tasks/${share.id}/claim`, {}, { headers: shopper.headers }).catch(fail)).status).toBe(400)
      await api.post(`/admin/fission/membership/tasks/${share.id}`, { is_active: true }, admin())
      expect((await api.post(`/store/fission/tasks/${share.id}/claim`, {}, { headers: shopper.headers })).status).toBe(201)
      expect(await taskPoints(shopper.headers)).toBe(5)

      const { data } = await api.get("/admin/fission/membership/tasks?is_active=true", admin())
      expect(data.count).toBe(3)
      expect((await api.delete(`/admin/fission/membership/tasks/${later.id}`, admin())).data).toMatchObject({ deleted: true })
      expect((await api.get(`/admin/fission/membership/tasks/${later.id}`, admin()).catch(fail)).status).toBe(404)
    })
  },
})
