import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { loginShopper } from "../helpers/actors"
import { captureOrder, deliverOrder, placeOrder } from "../helpers/checkout"
import { setupStore, StoreSetup } from "../helpers/setup"
import { waitFor } from "../helpers/wait"
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
        {
          title: "Tea gift box group draw",
          variant_id: tea().variant_id,
          price: tea().price,
          currency_code: "cny",
          status: "active",
          ...body,
        },
        admin()
      )
      return data.group_draw
    }

    const shoppers = async (prefix: string, n: number) => {
      const out: any[] = []
      for (let i = 0; i < n; i++) {
        out.push(await loginShopper(getContainer(), api, store.fixture.publishable_key, `${prefix}${i}@fission.test`))
      }
      return out
    }

    const join = (who: any, campaignId: string, groupId?: string) =>
      placeOrder(api, who.headers, store.fixture, [
        {
          variant_id: tea().variant_id,
          quantity: 1,
          metadata: { group_draw_campaign_id: campaignId, ...(groupId ? { group_id: groupId } : {}), client_seed: `seed-${who.customer.id}` },
        },
      ])

    const groupOf = async (groupId: string) =>
      (await api.get(`/store/fission/groups/${groupId}`, { headers: store.storeHeaders })).data.group

    const storeCredit = async (who: any) => {
      const { data } = await api.get("/store/fission/wallet", { headers: who.headers })
      return (data.wallet.store_credit ?? []).reduce((sum: number, a: any) => sum + Number(a.balance), 0)
    }

    const shoppingFund = async (who: any) => {
      const { data } = await api.get("/store/fission/wallet", { headers: who.headers })
      return data.wallet.balances.find((b: any) => b.asset === "shopping_fund")
    }

    // loser refunds are @fission/core refund requests (one per seat), read through core's admin API
    const refundRequests = async (groupId: string) =>
      (await api.get(`/admin/fission/refund-requests?source_type=group_draw.group&source_id=${groupId}`, admin())).data.refund_requests

    const adminOrder = async (orderId: string) =>
      (await api.get(`/admin/orders/${orderId}?fields=id,status,*payment_collections.payments,*payment_collections.payments.refunds`, admin())).data.order

    // fulfils each order (a fulfilled order cannot be canceled, so a loser's refund fails); → fulfillment id per order
    const fulfil = async (orders: { id: string }[]) => {
      const fulfillments: Record<string, string> = {}
      for (const o of orders) {
        const { data } = await api.get(`/admin/orders/${o.id}?fields=*items`, admin())
        await api.post(
          `/admin/orders/${o.id}/fulfillments`,
          { items: data.order.items.map((i: any) => ({ id: i.id, quantity: i.quantity })), location_id: store.fixture.stock_location_id },
          admin()
        )
        const { data: after } = await api.get(`/admin/orders/${o.id}?fields=fulfillments.id`, admin())
        fulfillments[o.id] = after.order.fulfillments[0].id
      }
      return fulfillments
    }

    it("group of 5, 2 winners: 2 orders kept, 3 canceled and refunded in full, 3 × 10 store credit", async () => {
      const campaign = await createCampaign({ group_size: 5, winners: 2, loser_reward: 10, winner_shopping_fund_ratio: 0.1 })
      const people = await shoppers("g5-", 5)

      const { data: opened } = await api.post(`/store/fission/group-draws/${campaign.id}/groups`, {}, { headers: people[0].headers })
      expect(opened.group).toMatchObject({ status: "open", size: 5, seats_left: 5 })
      expect(opened.group.commitment).toMatch(/^[0-9a-f]{64}$/)

      const { data: detail } = await api.get(`/store/fission/group-draws/${campaign.id}`, { headers: store.storeHeaders })
      expect(detail.group_draw.open_groups.map((g: any) => g.id)).toContain(opened.group.id)
      const { data: listed } = await api.get("/store/fission/group-draws", { headers: store.storeHeaders })
      expect(listed.group_draws.map((c: any) => c.id)).toContain(campaign.id)

      const orders: Record<string, string> = {}
      for (const who of people) {
        const order = await join(who, campaign.id, opened.group.id)
        orders[who.customer.id] = order.id
        await captureOrder(api, store.adminHeaders, order.id)
      }

      const group = await waitFor(() => groupOf(opened.group.id), (g) => g.status === "completed", { timeout: 90_000 })
      expect(group.seats_taken).toBe(5)
      expect(group.draw.seed).toMatch(/^[0-9a-f]+$/)
      expect(group.draw.outcome.winners).toHaveLength(2)
      const won = group.members.filter((m: any) => m.status === "won")
      const lost = group.members.filter((m: any) => m.status === "refunded")
      expect(won).toHaveLength(2)
      expect(lost).toHaveLength(3)
      const refunds = await refundRequests(opened.group.id)
      expect(refunds.map((r: any) => r.cause_key).sort()).toEqual(lost.map((m: any) => `group_draw:${opened.group.id}:${m.id}:refund`).sort())
      expect(refunds.every((r: any) => r.status === "succeeded" && r.mode === "cancel")).toBe(true)

      const { data: adminGroups } = await api.get(`/admin/fission/group-draws/${campaign.id}/groups`, admin())
      const members = adminGroups.groups[0].members
      for (const m of members) {
        const order = await adminOrder(m.order_id)
        const who = people.find((p) => p.customer.id === m.customer_id)!
        const refunds = order.payment_collections.flatMap((c: any) => c.payments).flatMap((p: any) => p.refunds ?? [])
        const refunded = refunds.reduce((s: number, r: any) => s + Number(r.amount), 0)
        if (m.status === "won") {
          expect(order.status).not.toBe("canceled")
          expect(refunded).toBe(0)
          expect(await storeCredit(who)).toBe(0)
          // 10% of 99 as locked (pending) shopping fund
          expect(await shoppingFund(who)).toMatchObject({ pending_in: 9.9, available: 0 })
        } else {
          expect(order.status).toBe("canceled")
          // the whole captured amount (99 + 10 shipping) went back
          const captured = order.payment_collections.flatMap((c: any) => c.payments).reduce((s: number, p: any) => s + Number(p.amount), 0)
          expect(refunded).toBe(captured)
          expect(await storeCredit(who)).toBe(10)
        }
      }

      // notifications through Medusa's notification module: 4 × joined, 5 × group full, 2 × won, 3 × lost
      const notifications: any = getContainer().resolve(Modules.NOTIFICATION)
      const sent = await waitFor(
        () => notifications.listNotifications({ resource_id: opened.group.id }),
        (rows: any[]) => rows.length >= 14
      )
      const count = (t: string) => sent.filter((n: any) => n.template === `fission.group_draw.${t}`).length
      expect([count("joined"), count("group_full"), count("won"), count("lost")]).toEqual([4, 5, 2, 3])
      expect(sent.every((n: any) => n.channel === "feed" && /@/.test(n.to) && n.receiver_id)).toBe(true)

      const { data: mine } = await api.get("/store/fission/my/groups", { headers: people[0].headers })
      expect(mine.groups).toHaveLength(1)
      expect(mine.groups[0].my_seat.is_me).toBe(true)

      // the won order delivered: the fund is unlocked for membership's daily release (1 % a day, SPEC §6.6)
      const winner = members.find((m: any) => m.status === "won")
      const winnerShopper = people.find((p) => p.customer.id === winner.customer_id)!
      const winnerOrder = winner.order_id
      await deliverOrder(api, store.adminHeaders, winnerOrder, store.fixture.stock_location_id)
      await waitFor(() => shoppingFund(winnerShopper), (f) => f.available === 9.9)
      await runWorkflow(getContainer(), "fission-group-draw-release-winner-fund", { order_id: winnerOrder })
      expect(await shoppingFund(winnerShopper)).toMatchObject({ pending_in: 0, available: 9.9 })
      await runJob(getContainer(), "fission-membership-release-shopping-fund", new Date())
      expect(await storeCredit(winnerShopper)).toBe(0.09)
      expect((await api.get("/admin/fission/ledger/reconciliation", admin())).data.reconciliation.ok).toBe(true)
    })

    it("red envelope: 99 product, envelope 10, group of 3, 1 winner → shares sum to exactly 10.00, each ≥ 0.01", async () => {
      const campaign = await createCampaign({ group_size: 3, winners: 1, red_envelope_amount: 10, red_envelope_split: "random" })
      const people = await shoppers("re-", 3)
      const { data: opened } = await api.post(`/store/fission/group-draws/${campaign.id}/groups`, {}, { headers: people[0].headers })
      expect(opened.group.envelope_draw_id).toBeTruthy()
      for (const who of people) {
        const order = await join(who, campaign.id, opened.group.id)
        await captureOrder(api, store.adminHeaders, order.id)
      }
      const group = await waitFor(() => groupOf(opened.group.id), (g) => g.status === "completed", { timeout: 90_000 })
      const shares = group.members.map((m: any) => Math.round(m.envelope_share * 100))
      expect(shares.reduce((a: number, b: number) => a + b, 0)).toBe(1000)
      expect(shares.every((s: number) => s >= 1)).toBe(true)
      expect(group.envelope_draw.outcome.shares.reduce((a: number, b: number) => a + b, 0)).toBe(1000)
      expect(group.members.filter((m: any) => m.status === "won")).toHaveLength(1)
      expect(group.members.filter((m: any) => m.status === "refunded")).toHaveLength(2)
      for (const who of people) {
        const seat = group.members.find((m: any) => m.customer === `${who.customer.id.slice(0, 4)}…${who.customer.id.slice(-4)}`)
        expect(Math.round((await storeCredit(who)) * 100)).toBe(Math.round(seat.envelope_share * 100))
      }
    })

    it("race for the last seats: 6 payments for 2 seats → the group has exactly N, the others land in a new group", async () => {
      const campaign = await createCampaign({ group_size: 8, winners: 1 })
      const people = await shoppers("race-", 12)
      const { data: opened } = await api.post(`/store/fission/group-draws/${campaign.id}/groups`, {}, { headers: people[0].headers })
      for (const who of people.slice(0, 6)) {
        const order = await join(who, campaign.id, opened.group.id)
        await captureOrder(api, store.adminHeaders, order.id)
      }
      await waitFor(() => groupOf(opened.group.id), (g) => g.seats_taken === 6)

      // six buyers all chose the group while it still had 2 seats, then pay at once
      const racers = []
      for (const who of people.slice(6)) racers.push(await join(who, campaign.id, opened.group.id))
      await Promise.all(racers.map((o) => captureOrder(api, store.adminHeaders, o.id)))

      const { data } = await waitFor(
        () => api.get(`/admin/fission/group-draws/${campaign.id}/groups`, admin()),
        (r: any) => r.data.groups.reduce((s: number, g: any) => s + g.members.length, 0) === 12 &&
          r.data.groups.some((g: any) => g.id === opened.group.id && g.status === "completed"),
        { timeout: 90_000 }
      )
      const first = data.groups.find((g: any) => g.id === opened.group.id)
      expect(first.members).toHaveLength(8)
      expect(first.seats_taken).toBe(8)
      const others = data.groups.filter((g: any) => g.id !== opened.group.id)
      expect(others).toHaveLength(1)
      expect(others[0]).toMatchObject({ status: "open", seats_taken: 4, size: 8 })
      expect(others[0].members.map((m: any) => m.seat).sort()).toEqual([1, 2, 3, 4])
      expect(others[0].commitment).toMatch(/^[0-9a-f]{64}$/)

      // the full group refuses new buyers before payment
      await expect(join(people[0], campaign.id, opened.group.id)).rejects.toMatchObject({
        response: { status: 400 },
      })
    })

    it("a group with more losers than one batch (15, 1 winner → 14): refunds fanned out as fission.refund.requested messages, each loser refunded once in full and rewarded once", async () => {
      const campaign = await createCampaign({ group_size: 15, winners: 1, loser_reward: 10 })
      const people = await shoppers("fan-", 15)
      const { data: opened } = await api.post(`/store/fission/group-draws/${campaign.id}/groups`, {}, { headers: people[0].headers })
      for (const who of people) {
        const order = await join(who, campaign.id, opened.group.id)
        await captureOrder(api, store.adminHeaders, order.id)
      }
      // the settlement only announces these refunds (more than LOSER_REFUND_BATCH = 12): core's subscriber attempts them
      const group = await waitFor(() => groupOf(opened.group.id), (g) => g.status === "completed", { timeout: 180_000 })
      expect(group.members.map((m: any) => m.status).sort()).toEqual([...Array(14).fill("refunded"), "won"])
      const requests = await refundRequests(opened.group.id)
      expect(requests).toHaveLength(14)
      expect(requests.every((r: any) => r.status === "succeeded" && r.attempts === 1 && r.mode === "cancel")).toBe(true)
      const { data: adminGroups } = await api.get(`/admin/fission/group-draws/${campaign.id}/groups`, admin())
      const rows = adminGroups.groups.find((g: any) => g.id === opened.group.id).members
      for (const m of rows) {
        const order = await adminOrder(m.order_id)
        const payments = order.payment_collections.flatMap((c: any) => c.payments)
        const refunds = payments.flatMap((p: any) => p.refunds ?? [])
        if (m.status === "won") {
          expect(order.status).not.toBe("canceled")
          expect(refunds).toHaveLength(0)
        } else {
          expect(order.status).toBe("canceled")
          expect(refunds).toHaveLength(1) // exactly one refund of everything captured
          expect(Number(refunds[0].amount)).toBe(payments.reduce((s: number, p: any) => s + Number(p.amount), 0))
        }
      }
      for (const who of people) {
        const won = rows.find((m: any) => m.customer_id === who.customer.id).status === "won"
        expect(await storeCredit(who)).toBe(won ? 0 : 10)
      }
    })

    it("an expired group is refunded in full, or drawn with the members present when early draws are allowed", async () => {
      const strict = await createCampaign({ group_size: 3, winners: 1, loser_reward: 10, duration_hours: 1 })
      const early = await createCampaign({ group_size: 4, winners: 1, loser_reward: 10, duration_hours: 1, allow_early_draw: true })
      const people = await shoppers("exp-", 3)
      const { data: a } = await api.post(`/store/fission/group-draws/${strict.id}/groups`, {}, { headers: people[0].headers })
      const { data: b } = await api.post(`/store/fission/group-draws/${early.id}/groups`, {}, { headers: people[1].headers })
      const lone = await join(people[0], strict.id, a.group.id)
      await captureOrder(api, store.adminHeaders, lone.id)
      for (const who of people.slice(1)) {
        const order = await join(who, early.id, b.group.id)
        await captureOrder(api, store.adminHeaders, order.id)
      }
      await waitFor(() => groupOf(a.group.id), (g) => g.seats_taken === 1)
      await waitFor(() => groupOf(b.group.id), (g) => g.seats_taken === 2)

      await runJob(getContainer(), "fission-group-draw-sweep", new Date(Date.now() + 2 * HOUR))

      const failed = await groupOf(a.group.id)
      expect(failed.status).toBe("failed")
      expect(failed.members[0]).toMatchObject({ status: "refunded" })
      expect(await refundRequests(a.group.id)).toMatchObject([{ status: "succeeded", mode: "cancel", order_id: lone.id }])
      expect((await adminOrder(lone.id)).status).toBe("canceled")
      expect(await storeCredit(people[0])).toBe(0) // no draw, no loser reward: a plain full refund

      const drawn = await groupOf(b.group.id)
      expect(drawn.status).toBe("completed")
      expect(drawn.draw.inputs.participants).toHaveLength(2)
      expect(drawn.members.map((m: any) => m.status).sort()).toEqual(["refunded", "won"])
    })

    it("a loser refund that fails stays retryable; the admin retry finishes it once (retry again and the sweep change nothing)", async () => {
      const campaign = await createCampaign({ group_size: 2, winners: 1, loser_reward: 10 })
      const people = await shoppers("retry-", 2)
      const { data: opened } = await api.post(`/store/fission/group-draws/${campaign.id}/groups`, {}, { headers: people[0].headers })
      const orders = [await join(people[0], campaign.id, opened.group.id), await join(people[1], campaign.id, opened.group.id)]
      // a fulfilled order cannot be canceled: whoever loses, the refund fails first
      const fulfillments = await fulfil(orders)
      for (const o of orders) await captureOrder(api, store.adminHeaders, o.id)

      const stuck = await waitFor(() => groupOf(opened.group.id), (g) => g.status === "refunding", { timeout: 90_000 })
      const loser = stuck.members.find((m: any) => m.status === "lost")
      const { data: adminGroups } = await api.get(`/admin/fission/group-draws/${campaign.id}/groups`, admin())
      const loserRow = adminGroups.groups[0].members.find((m: any) => m.status === "lost")
      // the loser's refund request (core) failed once, with the reason, and waits for a retry
      const [failedRefund] = await refundRequests(opened.group.id)
      expect(failedRefund).toMatchObject({
        cause_key: `group_draw:${opened.group.id}:${loser.id}:refund`,
        order_id: loserRow.order_id,
        status: "failed",
        attempts: 1,
      })
      expect(failedRefund.last_error).toMatch(/fulfillments/)
      expect(failedRefund.next_attempt_at).toBeTruthy()

      // the admin cancels the shipment and presses "retry" (the admin route re-runs the settle
      // workflow now); a second retry and the sweep job afterwards change nothing
      await api.post(`/admin/orders/${loserRow.order_id}/fulfillments/${fulfillments[loserRow.order_id]}/cancel`, {}, admin())
      const retryUrl = `/admin/fission/group-draws/${campaign.id}/groups/${opened.group.id}/retry`
      const { data: retried } = await api.post(retryUrl, {}, admin())
      expect(retried.result).toMatchObject({ status: "completed", refund_failures: 0 })
      expect(retried.group.members.find((m: any) => m.id === loser.id)).toMatchObject({ status: "refunded" })
      expect(await refundRequests(opened.group.id)).toMatchObject([{ id: failedRefund.id, status: "succeeded", attempts: 2 }])
      await api.post(retryUrl, {}, admin())
      await runJob(getContainer(), "fission-group-draw-sweep", new Date())
      const done = await groupOf(opened.group.id)
      expect(done.status).toBe("completed")
      expect(done.members.find((m: any) => m.id === loser.id)).toMatchObject({ status: "refunded" })
      expect(await refundRequests(opened.group.id)).toMatchObject([{ id: failedRefund.id, status: "succeeded", attempts: 2 }])
      const loserOrder = await adminOrder(loserRow.order_id)
      expect(loserOrder.status).toBe("canceled")
      const payments = loserOrder.payment_collections.flatMap((c: any) => c.payments)
      const refunds = payments.flatMap((p: any) => p.refunds ?? [])
      // exactly one refund of the whole captured amount, however often the settlement ran
      expect(refunds).toHaveLength(1)
      expect(Number(refunds[0].amount)).toBe(payments.reduce((s: number, p: any) => s + Number(p.amount), 0))
      const loserWho = people.find((p) => p.customer.id === loserRow.customer_id)!
      expect(await storeCredit(loserWho)).toBe(10) // the reward was paid once, not per attempt
    })

    it("a failed loser refund retried by core's refund sweep completes the group through fission.refund.succeeded", async () => {
      const campaign = await createCampaign({ group_size: 2, winners: 1 })
      const people = await shoppers("sweep-", 2)
      const { data: opened } = await api.post(`/store/fission/group-draws/${campaign.id}/groups`, {}, { headers: people[0].headers })
      const orders = [await join(people[0], campaign.id, opened.group.id), await join(people[1], campaign.id, opened.group.id)]
      const fulfillments = await fulfil(orders)
      for (const o of orders) await captureOrder(api, store.adminHeaders, o.id)
      await waitFor(() => groupOf(opened.group.id), (g) => g.status === "refunding", { timeout: 90_000 })
      const [failed] = await refundRequests(opened.group.id)
      expect(failed).toMatchObject({ status: "failed", attempts: 1 })

      await api.post(`/admin/orders/${failed.order_id}/fulfillments/${fulfillments[failed.order_id]}/cancel`, {}, admin())
      // core's sweep at the retry time: the request succeeds, its event completes the group (no group-draw sweep involved)
      await runJob(getContainer(), "fission-refund-requests-sweep", new Date(new Date(failed.next_attempt_at).getTime() + 1000))
      expect(await refundRequests(opened.group.id)).toMatchObject([{ id: failed.id, status: "succeeded", attempts: 2 }])
      const done = await waitFor(() => groupOf(opened.group.id), (g) => g.status === "completed")
      expect(done.members.map((m: any) => m.status).sort()).toEqual(["refunded", "won"])
      expect((await adminOrder(failed.order_id)).status).toBe("canceled")
    })

    it("refuses bad campaigns and bad cart lines with a 4xx naming the problem", async () => {
      const bad = await api
        .post("/admin/fission/group-draws", { title: "x", variant_id: tea().variant_id, price: 99, currency_code: "cny", group_size: 3, winners: 3 }, admin())
        .catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/winners/)

      const campaign = await createCampaign({ group_size: 3, winners: 1 })
      const [who] = await shoppers("bad-", 1)
      const wrong = await placeOrder(api, who.headers, store.fixture, [
        { variant_id: store.fixture.products["package-899"].variant_id, quantity: 1, metadata: { group_draw_campaign_id: campaign.id } },
      ]).catch((e: any) => e.response)
      expect(wrong.status).toBe(400)
      expect(wrong.data.message).toMatch(/product/)

      const limited = await createCampaign({ group_size: 3, winners: 1, max_groups_per_customer_per_day: 1 })
      await api.post(`/store/fission/group-draws/${limited.id}/groups`, {}, { headers: who.headers })
      const second = await api
        .post(`/store/fission/group-draws/${limited.id}/groups`, {}, { headers: who.headers })
        .catch((e: any) => e.response)
      expect(second.status).toBe(400)
      expect(second.data.message).toMatch(/max_groups_per_customer_per_day/)

      const guest = await api.post(`/store/fission/group-draws/${limited.id}/groups`, {}, { headers: store.storeHeaders }).catch((e: any) => e.response)
      expect(guest.status).toBe(401)
    })
  },
})
