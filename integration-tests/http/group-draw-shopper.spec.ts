import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { loginShopper } from "../helpers/actors"
import { captureOrder, placeOrder } from "../helpers/checkout"
import { setupStore, StoreSetup } from "../helpers/setup"
import { waitFor } from "../helpers/wait"
import { deliverEvent } from "../helpers/events"
import { runJob, runWorkflow } from "../helpers/workflows"

const HOUR = 3_600_000

jest.setTimeout(300_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    const admin = () => ({ headers: store.adminHeaders })
    const tea = () => store.fixture.products["tea-gift-box"]

    beforeEach(async () => {
      store = await setupStore(getContainer(), api)
    })

    const createCampaign = async (body: Record<string, unknown>) => {
      const { data } = await api.post(
        "/admin/fission/group-draws",
        { title: "Tea", variant_id: tea().variant_id, price: tea().price, currency_code: "cny", status: "active", ...body },
        admin()
      )
      return data.group_draw
    }

    const shoppers = async (prefix: string, n: number) =>
      Promise.all(
        Array.from({ length: n }, (_, i) => loginShopper(getContainer(), api, store.fixture.publishable_key, `${prefix}${i}@fission.test`))
      )

    const open = (who: any, campaignId: string, body: Record<string, unknown> = {}) =>
      api.post(`/store/fission/group-draws/${campaignId}/groups`, body, { headers: who.headers }).catch((e: any) => e.response)

    const join = (who: any, campaignId: string, groupId?: string) =>
      placeOrder(api, who.headers, store.fixture, [
        {
          variant_id: tea().variant_id,
          quantity: 1,
          metadata: { group_draw_campaign_id: campaignId, ...(groupId ? { group_id: groupId } : {}), client_seed: `seed-${who.customer.id}` },
        },
      ])

    const storeCredit = async (who: any) => {
      const { data } = await api.get("/store/fission/wallet", { headers: who.headers })
      return (data.wallet.store_credit ?? []).reduce((sum: number, a: any) => sum + Number(a.balance), 0)
    }

    const adminGroup = async (campaignId: string, groupId: string) =>
      (await api.get(`/admin/fission/group-draws/${campaignId}/groups/${groupId}`, admin())).data.group

    const refundsOf = async (orderId: string) => {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=id,status,*payment_collections.payments,*payment_collections.payments.refunds`, admin())
      return data.order.payment_collections.flatMap((c: any) => c.payments).flatMap((p: any) => p.refunds ?? [])
    }

    it("shopper-defined groups: accepted within the campaign limits, refused with a 4xx naming the limit; a private group is joined by link only and draws with its own N and K", async () => {
      const limits = {
        group_size: 5,
        winners: 2,
        duration_hours: 24,
        loser_reward: 10,
        red_envelope_amount: 10,
        winner_shopping_fund_ratio: 0.1,
        allow_shopper_groups: true,
        shopper_group_size_min: 3,
        shopper_group_size_max: 6,
        shopper_winners_min: 1,
        shopper_winners_max: 2,
        shopper_duration_hours_max: 48,
        allow_private_groups: true,
      }
      const campaign = await createCampaign(limits)
      expect(campaign).toMatchObject({ allow_shopper_groups: true, shopper_group_size_max: 6, allow_private_groups: true })
      const fixed = await createCampaign({ group_size: 5, winners: 2 })
      const noPrivate = await createCampaign({ ...limits, allow_private_groups: false })
      const people = await shoppers("sd-", 4)
      const [owner] = people

      const refused: [string, Record<string, unknown>, RegExp][] = [
        [campaign.id, { group_size: 7 }, /shopper_group_size_max \(6\)/],
        [campaign.id, { group_size: 2 }, /shopper_group_size_min \(3\)/],
        [campaign.id, { group_size: 6, winners: 3 }, /shopper_winners_max \(2\)/],
        [campaign.id, { duration_hours: 49 }, /shopper_duration_hours_max \(48\)/],
        [campaign.id, { group_size: 4.5 }, /group_size/],
        [fixed.id, { group_size: 4 }, /allow_shopper_groups/],
        [noPrivate.id, { visibility: "private" }, /allow_private_groups/],
      ]
      for (const [id, body, message] of refused) {
        const res = await open(owner, id, body)
        expect([res.status, res.data.message]).toEqual([400, expect.stringMatching(message)])
      }

      // the compliance prize cap (SPEC §0.6) applies to what a winner of the chosen group can get:
      // 99 + 9.90 shopping fund + up to 9.98 of the random envelope at 3 members = 118.88 > 110
      await api.post("/admin/fission/compliance", { lottery_prize_cap: 110 }, admin())
      const capped = await open(owner, campaign.id, { group_size: 3, winners: 1 })
      expect([capped.status, capped.data.message]).toEqual([400, expect.stringMatching(/118\.88.*lottery prize cap \(110\)/)])
      await api.post("/admin/fission/compliance", { lottery_prize_cap: 50000 }, admin())
      // a campaign saved afterwards whose largest prize is over the cap is refused on save
      const overCap = await api
        .post("/admin/fission/group-draws", { title: "x", variant_id: tea().variant_id, price: 99, currency_code: "cny", group_size: 5, winners: 2, red_envelope_amount: 60000 }, admin())
        .catch((e: any) => e.response)
      expect([overCap.status, overCap.data.message]).toEqual([400, expect.stringMatching(/lottery prize cap/)])
      // nothing was created by the refusals
      expect((await api.get(`/admin/fission/group-draws/${campaign.id}/groups`, admin())).data.count).toBe(0)

      const before = Date.now()
      const { status, data } = await open(owner, campaign.id, { group_size: 3, winners: 1, duration_hours: 48, visibility: "private" })
      expect(status).toBe(201)
      expect(data.group).toMatchObject({ size: 3, winners: 1, duration_hours: 48, visibility: "private", shopper_defined: true, seats_left: 3 })
      const hours = (new Date(data.group.expires_at).getTime() - before) / HOUR
      expect(hours).toBeGreaterThan(47.9)
      expect(hours).toBeLessThan(48.1)
      const listedGroup = (await open(people[1], campaign.id)).data.group
      expect(listedGroup).toMatchObject({ size: 5, winners: 2, visibility: "open", shopper_defined: false })

      // private: not listed, but readable and joinable by its id (the link)
      const { data: detail } = await api.get(`/store/fission/group-draws/${campaign.id}`, { headers: store.storeHeaders })
      expect(detail.group_draw.open_groups.map((g: any) => g.id)).toEqual([listedGroup.id])
      expect(detail.group_draw).toMatchObject({ shopper_group_size_min: 3, shopper_winners_max: 2, allow_private_groups: true })
      const { data: byLink } = await api.get(`/store/fission/groups/${data.group.id}`, { headers: store.storeHeaders })
      expect(byLink.group).toMatchObject({ id: data.group.id, visibility: "private", size: 3 })

      // the group's own N = 3 and K = 1 decide seats, the draw and the settlement
      const trio = [owner, people[2], people[3]]
      for (const who of trio) {
        const order = await join(who, campaign.id, data.group.id)
        await captureOrder(api, store.adminHeaders, order.id)
      }
      const done = await waitFor(() => adminGroup(campaign.id, data.group.id), (g) => g.status === "completed", { timeout: 90_000 })
      expect(done.members).toHaveLength(3)
      expect(done.draw.outcome.winners).toHaveLength(1)
      expect(done.draw.inputs.params).toMatchObject({ k: 1 })
      expect(done.members.map((m: any) => m.status).sort()).toEqual(["refunded", "refunded", "won"])
      const shares = done.members.map((m: any) => Math.round(m.envelope_share * 100))
      expect(shares.reduce((a: number, b: number) => a + b, 0)).toBe(1000)
      for (const m of done.members.filter((m: any) => m.status === "refunded")) {
        const who = trio.find((p) => p.customer.id === m.customer_id)!
        expect(Math.round((await storeCredit(who)) * 100)).toBe(1000 + Math.round(m.envelope_share * 100))
      }
      // admin widgets' reads: seats by customer and by order, campaigns by product
      const { data: bySeat } = await api.get(`/admin/fission/group-draws/members?customer_id=${owner.customer.id}`, admin())
      expect(bySeat.members).toHaveLength(1)
      expect(bySeat.members[0]).toMatchObject({ group: { id: data.group.id, size: 3 }, campaign: { id: campaign.id, title: "Tea" } })
      const { data: byOrder } = await api.get(`/admin/fission/group-draws/members?order_id=${done.members[0].order_id}`, admin())
      expect(byOrder.members.map((m: any) => m.id)).toEqual([done.members[0].id])
      const noFilter = await api.get("/admin/fission/group-draws/members", admin()).catch((e: any) => e.response)
      expect([noFilter.status, noFilter.data.message]).toEqual([400, expect.stringMatching(/order_id or customer_id/)])
      const { data: byProduct } = await api.get(`/admin/fission/group-draws?product_id=${tea().product_id}`, admin())
      expect(byProduct.group_draws.map((c: any) => c.id).sort()).toEqual([campaign.id, fixed.id, noPrivate.id].sort())

      // the full private group refuses a fourth buyer before payment
      const late = await join(people[1], campaign.id, data.group.id).catch((e: any) => e.response)
      expect(late.status).toBe(400)
    })

    it("daily group limit under parallel requests: 10 simultaneous opens with a limit of 3 → exactly 3 groups", async () => {
      const campaign = await createCampaign({ group_size: 3, winners: 1, max_groups_per_customer_per_day: 3 })
      const [who] = await shoppers("daily-", 1)
      const results = await Promise.all(Array.from({ length: 10 }, () => open(who, campaign.id)))
      expect(results.filter((r) => r.status === 201)).toHaveLength(3)
      const refused = results.filter((r) => r.status !== 201)
      expect(refused).toHaveLength(7)
      expect(refused.every((r) => r.status === 400 && /max_groups_per_customer_per_day reached \(3\)/.test(r.data.message))).toBe(true)
      const { data } = await api.get(`/admin/fission/group-draws/${campaign.id}/groups`, admin())
      expect(data.count).toBe(3)
      expect(data.groups.every((g: any) => g.status === "open" && g.seats_taken === 0)).toBe(true)
    })

    it("re-running the draw and settle workflows, a redelivered payment.captured and admin retries change nothing; stats count groups per day", async () => {
      const campaign = await createCampaign({ group_size: 3, winners: 1, loser_reward: 10, red_envelope_amount: 10, red_envelope_split: "equal" })
      const people = await shoppers("replay-", 4)
      const { data: opened } = await open(people[0], campaign.id)
      const orders: string[] = []
      for (const who of people.slice(0, 3)) {
        const order = await join(who, campaign.id, opened.group.id)
        orders.push(order.id)
        await captureOrder(api, store.adminHeaders, order.id)
      }
      const groupId = opened.group.id
      const settled = await waitFor(() => adminGroup(campaign.id, groupId), (g) => g.status === "completed", { timeout: 90_000 })
      const notifications: any = getContainer().resolve(Modules.NOTIFICATION)
      const sentBefore = await waitFor(
        () => notifications.listNotifications({ resource_id: groupId }),
        (rows: any[]) => rows.length >= 8 // 2 joined + 3 group full + 1 won + 2 lost
      )
      const snapshot = async () => ({
        group: await adminGroup(campaign.id, groupId),
        credit: await Promise.all(people.slice(0, 3).map(storeCredit)),
        refunds: await Promise.all(orders.map(async (id) => (await refundsOf(id)).map((r: any) => [r.id, Number(r.amount)]))),
      })
      const before = await snapshot()
      // two loser rewards of 10 plus the whole envelope of 10, split 3.33 / 3.33 / 3.34
      expect(Math.round(before.credit.reduce((a, b) => a + b, 0) * 100)).toBe(3000)
      expect(before.refunds.filter((r) => r.length === 1)).toHaveLength(2)

      // the same effects again, by every path that could repeat them
      const drawn: any = await runWorkflow(getContainer(), "fission-group-draw-draw-group", { group_id: groupId })
      expect(drawn.winners).toEqual(settled.members.filter((m: any) => m.status === "won").map((m: any) => m.customer_id))
      await runWorkflow(getContainer(), "fission-group-draw-settle-group", { group_id: groupId })
      for (const order_id of orders) {
        const seats: any = await runWorkflow(getContainer(), "fission-group-draw-seat-order", { order_id })
        expect(seats.every((s: any) => s.replayed)).toBe(true)
      }
      const { data: withPayments } = await api.get(`/admin/orders/${orders[0]}?fields=*payment_collections.payments`, admin())
      const paymentId = withPayments.order.payment_collections[0].payments[0].id
      // delivered again and every handler it reaches finished (no sleeping)
      await deliverEvent(getContainer(), "payment.captured", { id: paymentId })
      await api.post(`/admin/fission/group-draws/${campaign.id}/groups/${groupId}/retry`, {}, admin())
      await runJob(getContainer(), "fission-group-draw-sweep", new Date())

      const after = await snapshot()
      expect(after).toEqual(before)
      expect(await notifications.listNotifications({ resource_id: groupId })).toHaveLength(sentBefore.length)
      expect((await api.get("/admin/fission/ledger/reconciliation", admin())).data.reconciliation.ok).toBe(true)

      // stats: one completed group today; a second campaign's lone buyer expires → one failed group
      const short = await createCampaign({ group_size: 3, winners: 1, duration_hours: 1 })
      const { data: lone } = await open(people[3], short.id)
      await captureOrder(api, store.adminHeaders, (await join(people[3], short.id, lone.group.id)).id)
      await waitFor(() => adminGroup(short.id, lone.group.id), (g) => g.seats_taken === 1)
      await runJob(getContainer(), "fission-group-draw-sweep", new Date(Date.now() + 2 * HOUR))
      expect((await adminGroup(short.id, lone.group.id)).status).toBe("failed")

      const today = new Date().toISOString().slice(0, 10)
      const weekAgo = new Date(Date.now() - 6 * 24 * HOUR).toISOString().slice(0, 10)
      const { data: stats } = await api.get(`/admin/fission/group-draws/stats?from=${weekAgo}&to=${today}`, admin())
      expect(stats.stats.days).toHaveLength(7)
      expect(stats.stats.days[6]).toEqual({ day: today, opened: 2, completed: 1, failed: 1 })
      expect(stats.stats.days.slice(0, 6).every((d: any) => d.opened + d.completed + d.failed === 0)).toBe(true)
      expect(stats.stats.totals).toEqual({ opened: 2, completed: 1, failed: 1 })
      const { data: one } = await api.get(`/admin/fission/group-draws/stats?from=${today}&to=${today}&campaign_id=${short.id}`, admin())
      expect(one.stats.days).toEqual([{ day: today, opened: 1, completed: 0, failed: 1 }])
      const bad = await api.get(`/admin/fission/group-draws/stats?from=${today}&to=${weekAgo}`, admin()).catch((e: any) => e.response)
      expect([bad.status, bad.data.message]).toEqual([400, expect.stringMatching(/from must not be after to/)])
      const open_ = await api.post(`/admin/fission/group-draws/${short.id}/groups/${lone.group.id}/retry`, {}, admin())
      expect(open_.data.group.status).toBe("failed")
    })
  },
})
