import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { referralDirectory, ReferralDirectory, unregisterReferralDirectory } from "@fission/core/utils"
import { DISTRIBUTION_MODULE } from "../../src/modules/distribution"
import DistributionModuleService from "../../src/modules/distribution/service"
// the file Medusa imports at boot: registers distribution's queries with core
import "../../src/workflows/hooks/referral-directory"

jest.setTimeout(120_000)

const DAY = 86_400_000
const may = { from: new Date("2026-05-01T00:00:00+08:00"), to: new Date("2026-06-01T00:00:00+08:00") }
const inMay = (day: number) => new Date(may.from.getTime() + (day - 1) * DAY + 3_600_000)

moduleIntegrationTestRunner<DistributionModuleService>({
  moduleName: DISTRIBUTION_MODULE,
  resolve: path.join(__dirname, "../../src/modules/distribution"),
  pathToMigrations: path.join(__dirname, "../../src/modules/distribution/migrations"),
  testSuite: ({ service }) => {
    // core's directory over this module, as other plugins get it from their container
    const container = { hasRegistration: (key: string) => key === DISTRIBUTION_MODULE, resolve: () => service } as any
    const directory = (): ReferralDirectory => referralDirectory(container)!
    const bind = (customer_id: string, referrer_id: string, extra: Record<string, unknown> = {}) =>
      service.changeReferrer({ customer_id, referrer_id, action: "bind", source: "code", ...extra } as any)
    let orderNo = 0
    const order = (buyer_id: string, base_total: number, extra: Record<string, unknown> = {}) =>
      ({ order_id: `order_${++orderNo}`, buyer_id, currency_code: "cny", base_total, status: "paid", paid_at: inMay(10), ...extra }) as any

    it("is registered by the plugin's boot file, and is null in a container without the module", () => {
      expect(referralDirectory(container)).not.toBeNull()
      expect(referralDirectory({ hasRegistration: () => false } as any)).toBeNull()
    })

    it("referrerOf and ancestors: nearest first, capped at 3, stopping at an expired binding", async () => {
      await bind("B", "A")
      await bind("C", "B")
      await bind("D", "C")
      await bind("E", "D")
      expect(await directory().referrerOf("E")).toBe("D")
      expect(await directory().referrerOf("A")).toBeNull()
      expect(await directory().referrerOf("nobody")).toBeNull()
      expect(await directory().ancestors("E", 3)).toEqual([
        { customer_id: "D", depth: 1 },
        { customer_id: "C", depth: 2 },
        { customer_id: "B", depth: 3 },
      ])
      expect(await directory().ancestors("E", 10)).toHaveLength(3)
      expect(await directory().ancestors("C", 3)).toEqual([
        { customer_id: "B", depth: 1 },
        { customer_id: "A", depth: 2 },
      ])

      // Y bound 3 days ago with a 1-day expiry: expired, so it has no referrer and cuts Z's chain above it
      await bind("Y", "X", { expiry_days: 1, now: new Date(Date.now() - 3 * DAY) })
      await bind("Z", "Y")
      expect(await directory().referrerOf("Y")).toBeNull()
      expect(await directory().ancestors("Z", 3)).toEqual([{ customer_id: "Y", depth: 1 }])
    })

    it("teamCounts per level from the maintained counters", async () => {
      for (const [child, parent] of [["B1", "A"], ["B2", "A"], ["C1", "B1"], ["C2", "B1"], ["C3", "B2"], ["D1", "C1"], ["E1", "D1"]]) {
        await bind(child, parent)
      }
      expect(await directory().teamCounts("A", 3)).toEqual([2, 3, 1]) // E1 is 4 levels down: not counted
      expect(await directory().teamCounts("A", 2)).toEqual([2, 3])
      expect(await directory().teamCounts("B1", 3)).toEqual([2, 1, 1])
      expect(await directory().teamCounts("E1", 3)).toEqual([0, 0, 0])
    })

    it("activeMembersPerLevel: net paid merchandise in [from, to) ≥ min_spend, per level, for a batch in one call", async () => {
      //            A
      //     B1     B2     B3
      //  C1 C2 C3
      //  D1
      for (const [child, parent] of [["B1", "A"], ["B2", "A"], ["B3", "A"], ["C1", "B1"], ["C2", "B1"], ["C3", "B1"], ["D1", "C1"]]) {
        await bind(child, parent)
      }
      const [b1Order] = await service.createCommissionOrders([
        order("B1", 899), // active
        order("B2", 500), // two orders: 900, active
        order("B2", 400, { status: "delivered", paid_at: inMay(20) }),
        order("B3", 899, { refunded_total: 100 }), // 799 net of the refund: not active
        order("C1", 899, { paid_at: new Date(may.from.getTime() - 1) }), // paid in April
        order("C1", 899, { status: "placed", paid_at: null }), // not paid
        order("C2", 1000, { status: "canceled" }),
        order("C3", 899, { currency_code: "usd", status: "settled" }), // active unless a currency is asked
        order("D1", 899, { paid_at: may.to }), // `to` is exclusive
        order("D1", 899, { paid_at: may.from }), // `from` is inclusive
      ])
      const gone = await service.createCommissionOrders(order("B3", 5000))
      await service.softDeleteCommissionOrders([gone.id])

      const q = { ...may, min_spend: 899, depth: 3 }
      expect(await directory().activeMembersPerLevel(["A", "B1", "C1", "D1", "stranger"], q)).toEqual({
        A: [2, 1, 1], // B1 B2 | C3 | D1
        B1: [1, 1, 0], // C3 | D1
        C1: [1, 0, 0], // D1
        D1: [0, 0, 0],
        stranger: [0, 0, 0],
      })
      expect(await directory().activeMembersPerLevel(["A", "B1"], { ...q, currency_code: "CNY" })).toEqual({
        A: [2, 0, 1],
        B1: [0, 1, 0],
      })
      expect(await directory().activeMembersPerLevel(["A"], { ...q, depth: 1 })).toEqual({ A: [2] })
      expect(await directory().activeMembersPerLevel(["A"], { ...q, min_spend: "899.01" })).toEqual({ A: [1, 0, 0] }) // only B2's 900
      expect(await directory().activeMembersPerLevel(["A"], { ...q, min_spend: "799" })).toEqual({ A: [3, 1, 1] })

      // a later refund takes B1 below the level: it stops counting
      await service.raiseOrderReversals(b1Order.order_id, [], "0.01")
      expect((await directory().activeMembersPerLevel(["A"], q)).A).toEqual([1, 1, 1])
    })

    it("teamLeaderOf: the nearest active promoter with a leader rank within the depth", async () => {
      await bind("B", "A")
      await bind("C", "B")
      await bind("D", "C")
      const [member, boss] = await service.createDistributionRanks([
        { name: "Member", position: 0, is_default: true },
        { name: "Boss", position: 1, is_leader: true, leader_share_rate: 0.02 },
      ])
      const promoter = (customer_id: string, rank_id: string, status = "active") =>
        ({ customer_id, code: `CODE${customer_id}`, status, source: "admin", rank_id }) as any
      const [, bPromoter] = await service.createPromoters([promoter("A", boss.id), promoter("B", boss.id), promoter("C", member.id)])

      expect(await directory().teamLeaderOf("D", 2)).toEqual({ customer_id: "B", depth: 2, rank_id: boss.id })
      expect(await directory().teamLeaderOf("C", 2)).toEqual({ customer_id: "B", depth: 1, rank_id: boss.id })
      expect(await directory().teamLeaderOf("D", 1)).toBeNull() // C holds no leader rank
      expect(await directory().teamLeaderOf("B", 2)).toEqual({ customer_id: "A", depth: 1, rank_id: boss.id })
      expect(await directory().teamLeaderOf("A", 2)).toBeNull()

      // a disabled leader earns nothing; A is 3 levels above D, beyond the 2-level cap for money
      await service.updatePromoters({ id: bPromoter.id, status: "disabled" })
      expect(await directory().teamLeaderOf("D", 3)).toBeNull()
      expect(await directory().teamLeaderOf("C", 2)).toEqual({ customer_id: "A", depth: 2, rank_id: boss.id })

      // outside everyone_is_promoter only approved (active) promoters count
      const settings = await service.retrieveSettings()
      await service.updatePromoters({ id: bPromoter.id, status: "applied" })
      expect(await directory().teamLeaderOf("C", 1)).toEqual({ customer_id: "B", depth: 1, rank_id: boss.id })
      await service.updateDistributionSettings({ id: settings.id, promoter_mode: "apply" })
      expect(await directory().teamLeaderOf("C", 1)).toBeNull()
    })

    afterAll(() => unregisterReferralDirectory())
  },
})
