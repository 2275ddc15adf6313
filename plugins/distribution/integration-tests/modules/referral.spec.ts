import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MedusaError } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../src/modules/distribution"
import DistributionModuleService from "../../src/modules/distribution/service"

jest.setTimeout(120_000)

async function rejectionOf(promise: Promise<unknown>) {
  const error: any = await promise.then(
    () => null,
    (e) => e
  )
  expect(error).toBeTruthy()
  return error
}

moduleIntegrationTestRunner<DistributionModuleService>({
  moduleName: DISTRIBUTION_MODULE,
  resolve: path.join(__dirname, "../../src/modules/distribution"),
  pathToMigrations: path.join(__dirname, "../../src/modules/distribution/migrations"),
  testSuite: ({ service }) => {
    const bind = (customer_id: string, referrer_id: string, extra: Record<string, unknown> = {}) =>
      service.changeReferrer({ customer_id, referrer_id, action: "bind", source: "code", ...extra } as any)
    const rebind = (customer_id: string, referrer_id: string | null) =>
      service.changeReferrer({ customer_id, referrer_id, action: "rebind", source: "admin", reason: "test", actor_id: "user_1" })

    /** Closure and counters recomputed from the referral pointers must equal the maintained ones. */
    async function expectConsistent() {
      const referrals = await service.listReferrals({}, { take: 10_000 })
      const parent = new Map(referrals.map((r) => [r.customer_id, r.referrer_id]))
      const expected = new Set<string>()
      const counts = new Map<string, number[]>()
      for (const child of parent.keys()) {
        let node = child
        for (let d = 1; d <= 3 && parent.has(node); d++) {
          node = parent.get(node)!
          expected.add(`${node}>${child}@${d}`)
          const c = counts.get(node) ?? [0, 0, 0]
          c[d - 1]++
          counts.set(node, c)
        }
      }
      const closure = await service.listReferralAncestors({}, { take: 100_000 })
      expect(new Set(closure.map((r) => `${r.ancestor_id}>${r.descendant_id}@${r.depth}`))).toEqual(expected)
      expect(closure).toHaveLength(expected.size)
      for (const counter of await service.listTeamCounters({}, { take: 10_000 })) {
        expect([counter.level1, counter.level2, counter.level3]).toEqual(counts.get(counter.customer_id) ?? [0, 0, 0])
      }
    }

    const counters = async (id: string) => {
      const [c] = await service.listTeamCounters({ customer_id: id })
      return c ? [c.level1, c.level2, c.level3] : [0, 0, 0]
    }

    it("binds a chain A ← B ← C ← D ← E: closure to depth 3 and counters per level", async () => {
      await bind("B", "A")
      await bind("C", "B")
      await bind("D", "C")
      await bind("E", "D")
      expect(await counters("A")).toEqual([1, 1, 1]) // E is at depth 4: not counted
      expect(await counters("B")).toEqual([1, 1, 1])
      expect(await counters("D")).toEqual([1, 0, 0])
      await expectConsistent()
      const events = await service.listReferralEvents({ customer_id: "C" })
      expect(events).toEqual([expect.objectContaining({ action: "bind", referrer_id: "B", previous_referrer_id: null, source: "code" })])
      expect((await service.listReferralUpline("E", 2)).map((u) => [u.customer_id, Number(u.depth)])).toEqual([["D", 1], ["C", 2]])
    })

    it("binds a whole subtree at once (a customer who already has a team)", async () => {
      await bind("Y", "X")
      await bind("Z", "Y")
      await bind("X", "R") // X brings Y and Z
      expect(await counters("R")).toEqual([1, 1, 1])
      await bind("R", "Q")
      expect(await counters("Q")).toEqual([1, 1, 1]) // Z is at depth 4 from Q
      await expectConsistent()
    })

    it("refuses self-referral, cycles (at any depth) and a second bind", async () => {
      await bind("B", "A")
      await bind("C", "B")
      for (let i = 0; i < 5; i++) await bind(`N${i + 1}`, i === 0 ? "C" : `N${i}`) // chain deeper than the closure
      expect((await rejectionOf(bind("A", "A"))).message).toMatch(/self-referral/)
      expect((await rejectionOf(bind("A", "C"))).message).toMatch(/cycle/)
      expect((await rejectionOf(bind("A", "N5"))).message).toMatch(/cycle/) // 7 levels below A
      const again = await rejectionOf(bind("B", "Z"))
      expect(again.type).toBe(MedusaError.Types.DUPLICATE_ERROR)
      await expectConsistent()
    })

    it("20 concurrent binds of one customer: exactly one wins, counters count once", async () => {
      const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => bind("X", `R${i}`)))
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1)
      for (const r of results) if (r.status === "rejected") expect(r.reason.type).toBe(MedusaError.Types.DUPLICATE_ERROR)
      expect(await service.listReferrals({ customer_id: "X" })).toHaveLength(1)
      await expectConsistent()
    })

    it("concurrent binds around one node keep the closure exact", async () => {
      // X binds under R while X's future children bind under X at the same time.
      await Promise.all([bind("X", "R"), bind("C1", "X"), bind("C2", "X"), bind("G1", "C1"), bind("R", "Q")])
      await expectConsistent()
      expect(await counters("Q")).toEqual([1, 1, 2])
    })

    it("rebind moves the subtree: old upline loses, new upline gains, in one step; unbind with null", async () => {
      await bind("B", "A")
      await bind("C", "B")
      await bind("D", "C")
      await bind("Q", "P")
      await rebind("C", "Q")
      expect(await counters("A")).toEqual([1, 0, 0])
      expect(await counters("B")).toEqual([0, 0, 0])
      expect(await counters("Q")).toEqual([1, 1, 0])
      expect(await counters("P")).toEqual([1, 1, 1])
      const [event] = await service.listReferralEvents({ customer_id: "C", action: "rebind" })
      expect(event).toMatchObject({ referrer_id: "Q", previous_referrer_id: "B", reason: "test", actor_id: "user_1", source: "admin" })
      await rebind("C", null)
      expect(await counters("P")).toEqual([1, 0, 0])
      expect(await service.listReferrals({ customer_id: "C" })).toHaveLength(0)
      await expectConsistent()
      expect((await rejectionOf(rebind("A", "B"))).message).toMatch(/cycle/)
      expect((await rejectionOf(rebind("B", "A"))).message).toMatch(/already bound to A/)
    })

    it("restoreReferrer undoes a change exactly (workflow compensation)", async () => {
      await bind("B", "A")
      await bind("C", "B")
      const result = await rebind("C", "A")
      await service.restoreReferrer({ customer_id: "C", row: result.previous, delete_event_id: result.event_id })
      const [row] = await service.listReferrals({ customer_id: "C" })
      expect(row).toMatchObject({ referrer_id: "B", id: result.previous!.id })
      expect(await service.listReferralEvents({ customer_id: "C", action: "rebind" })).toHaveLength(0)
      await expectConsistent()
    })

    it("expiry: the upline walk stops at an expired binding; expire removes it and audits", async () => {
      const past = new Date(Date.now() - 10 * 86_400_000)
      await bind("B", "A", { expiry_days: 5, now: past }) // expired 5 days ago
      await bind("C", "B", { expiry_days: 30 })
      expect((await service.listReferralUpline("C", 2)).map((u) => u.customer_id)).toEqual(["B"])
      expect((await service.listReferralUpline("C", 2, { include_expired: true })).map((u) => u.customer_id)).toEqual(["B", "A"])

      // a purchase does not revive an expired binding, but restarts a live one
      await service.touchReferralPurchase("B", new Date(), 5)
      expect((await service.listReferrals({ customer_id: "B" }))[0].last_purchase_at).toBeNull()
      const now = new Date()
      await service.touchReferralPurchase("C", now, 30)
      const [c] = await service.listReferrals({ customer_id: "C" })
      expect(new Date(c.expires_at!).getTime()).toBe(now.getTime() + 30 * 86_400_000)

      const expired = await service.changeReferrer({ customer_id: "B", referrer_id: null, action: "expire", source: "code", event_source: "expiry" })
      expect(expired.changed).toBe(true)
      const notYet = await service.changeReferrer({ customer_id: "C", referrer_id: null, action: "expire", source: "code" })
      expect(notYet.changed).toBe(false)
      expect(await counters("A")).toEqual([0, 0, 0])
      expect(await service.listReferralEvents({ customer_id: "B", action: "expire" })).toHaveLength(1)
      await expectConsistent()
    })

    it("recomputes expiry deadlines when the setting changes", async () => {
      await bind("B", "A")
      expect((await service.listReferrals({ customer_id: "B" }))[0].expires_at).toBeNull()
      await service.recomputeReferralExpiry(10)
      const [b] = await service.listReferrals({ customer_id: "B" })
      expect(new Date(b.expires_at!).getTime()).toBe(new Date(b.bound_at).getTime() + 10 * 86_400_000)
      await service.recomputeReferralExpiry(null)
      expect((await service.listReferrals({ customer_id: "B" }))[0].expires_at).toBeNull()
    })

    it("team sales and the leaderboard read commission orders of depth ≤ 2", async () => {
      await bind("B", "A")
      await bind("C", "B")
      await bind("D", "C")
      const paid_at = new Date()
      const order = (id: string, buyer: string, total: number, extra = {}) =>
        ({ order_id: id, buyer_id: buyer, currency_code: "cny", base_total: total, status: "paid", paid_at, ...extra }) as any
      await service.createCommissionOrders([
        order("o1", "B", 899),
        order("o2", "C", 100.5),
        order("o3", "D", 50), // depth 3 from A: not team sales of A
        order("o4", "C", 70, { status: "canceled" }),
        order("o5", "B", 10, { refunded_total: 4 }),
      ])
      const from = new Date(paid_at.getTime() - 60_000)
      const to = new Date(paid_at.getTime() + 60_000)
      expect(await service.sumTeamSales("A", { from, to })).toEqual([{ currency_code: "cny", amount: "1005.5", orders: 3 }])
      const board = await service.listLeaderboard({ from, to, by: "sales", currency_code: "cny", everyone_is_promoter: true, limit: 20 })
      expect(board).toEqual([
        { customer_id: "A", value: "1005.5" },
        { customer_id: "B", value: "150.5" },
        { customer_id: "C", value: "50" },
      ])
      const byReferrals = await service.listLeaderboard({ from: new Date(0), to, by: "referrals", everyone_is_promoter: false, limit: 20 })
      expect(byReferrals).toEqual([]) // no active promoter records
    })
  },
})
