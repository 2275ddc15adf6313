import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { LEDGER_MODULE, LedgerModuleService } from "../../src/modules/ledger"
import { MONTHLY_MOVEMENTS_SQL, PLATFORM_MOVEMENTS_SQL } from "../../src/modules/ledger/store/movements"
import { customer, LedgerAsset, platform } from "../../src/utils/ledger"

jest.setTimeout(300_000)

const entry = (key: string, asset: LedgerAsset, amount: number, from: any, to: any, extra: Record<string, unknown> = {}) => ({
  idempotency_key: key,
  asset,
  amount,
  from,
  to,
  reason: `test.${key.split(":")[0]}`,
  source_type: "test",
  source_id: key,
  ...extra,
})
const D = (iso: string) => new Date(iso)

// The ledger's reports over posted movements (store/movements.ts), which membership's points
// statement, statistics, qualifying growth and "expiring soon" are built on.
moduleIntegrationTestRunner<LedgerModuleService>({
  moduleName: LEDGER_MODULE,
  resolve: path.join(__dirname, "../../src/modules/ledger"),
  pathToMigrations: path.join(__dirname, "../../src/modules/ledger/migrations"),
  testSuite: ({ service, MikroOrmWrapper }) => {
    const knex = () => (MikroOrmWrapper.forkManager() as any).getKnex()
    /** Moves a posting to another time, as if it had been posted then. */
    const postedAt = (key: string, at: string) =>
      knex().raw(`UPDATE ledger_posting SET posted_at = ?, created_at = ? WHERE idempotency_key = ?`, [at, at, key])

    it("netChangeBetween: credits minus debits of one customer's asset in (after, until], posted only", async () => {
      await service.post([
        entry("earn:1", "growth", 100, platform("growth"), customer("cus_a")),
        entry("earn:2", "growth", 40, platform("growth"), customer("cus_a")),
        entry("earn:old", "growth", 1000, platform("growth"), customer("cus_a")),
        entry("earn:other", "growth", 7, platform("growth"), customer("cus_b")),
        entry("earn:pending", "growth", 9, platform("growth"), customer("cus_a"), { status: "pending" }),
      ])
      await service.reverse([{ idempotency_key: "earn:2", reversal_key: "earn:2:refund", amount: 15 }])
      await postedAt("earn:old", "2025-01-01T00:00:00Z")
      const window = { customer_id: "cus_a", asset: "growth", after: D("2025-06-01T00:00:00Z"), until: new Date() }
      expect(await service.netChangeBetween(window)).toBe("125")
      expect(await service.netChangeBetween({ ...window, after: D("2024-12-31T00:00:00Z") })).toBe("1125")
      // the window's ends: after is exclusive, until inclusive
      expect(await service.netChangeBetween({ ...window, after: D("2025-01-01T00:00:00Z") })).toBe("125")
      expect(
        await service.netChangeBetween({ ...window, after: D("2024-12-31T00:00:00Z"), until: D("2025-01-01T00:00:00Z") })
      ).toBe("1000")
      expect(await service.netChangeBetween({ ...window, customer_id: "cus_nobody" })).toBe("0")
      await expect(service.netChangeBetween({ ...window, until: new Date("nope") })).rejects.toThrow(/until must be a valid date/)
    })

    it("movementsByReason: one customer's posted movements by kind and reason in [from, to)", async () => {
      await service.post([
        entry("checkin:1", "points", 10, platform("points_issued"), customer("cus_a")),
        entry("checkin:2", "points", 10, platform("points_issued"), customer("cus_a")),
        entry("order:1", "points", 500, platform("points_issued"), customer("cus_a")),
        entry("mall:1", "points", 200, customer("cus_a"), platform("points_mall")),
        entry("lot:1", "points", 30, platform("points_issued"), customer("cus_a"), { expires_at: new Date(Date.now() + 1000) }),
      ])
      await service.reverse([{ idempotency_key: "order:1", reversal_key: "order:1:refund", amount: 100, reason: "points.reversed" }])
      await service.reverse([{ idempotency_key: "mall:1", reversal_key: "mall:1:canceled", amount: 50, reason: "points.returned" }])
      await service.expireLots({ as_of: new Date(Date.now() + 5000) })
      const rows = await service.movementsByReason({
        customer_id: "cus_a",
        asset: "points",
        from: D("2020-01-01T00:00:00Z"),
        to: new Date(Date.now() + 86_400_000),
      })
      expect(rows.map((r) => [r.kind, r.reason, r.total, r.count])).toEqual([
        ["earned", "test.checkin", "20", 2],
        ["earned", "test.lot", "30", 1],
        ["earned", "test.order", "500", 1],
        ["expired", "expired", "30", 1],
        ["returned", "points.returned", "50", 1],
        ["reversed", "points.reversed", "100", 1],
        ["spent", "test.mall", "200", 1],
      ])
      // outside the period: nothing
      expect(
        await service.movementsByReason({ customer_id: "cus_a", asset: "points", from: D("2020-01-01T00:00:00Z"), to: D("2021-01-01T00:00:00Z") })
      ).toEqual([])
    })

    it("monthlyMovements: every customer's movements against platform accounts per local month, by kind", async () => {
      await service.post([
        // 31 Jan 17:00 UTC is 1 Feb 01:00 in Shanghai
        entry("a:jan", "points", 100, platform("points_issued"), customer("cus_a")),
        entry("a:feb", "points", 60, platform("points_issued"), customer("cus_a")),
        entry("b:feb", "points", 40, platform("points_issued"), customer("cus_b")),
        entry("b:spend", "points", 25, customer("cus_b"), platform("points_mall")),
        // a customer-to-customer move is neither issuance nor spending
        entry("gift", "points", 5, customer("cus_a"), customer("cus_b")),
        // pending and other assets are not counted
        entry("a:pending", "points", 999, platform("points_issued"), customer("cus_a"), { status: "pending" }),
        entry("a:growth", "growth", 999, platform("growth"), customer("cus_a")),
      ])
      await service.reverse([{ idempotency_key: "b:spend", reversal_key: "b:spend:returned", amount: 10 }])
      await postedAt("a:jan", "2026-01-31T15:59:59Z")
      await postedAt("a:feb", "2026-01-31T17:00:00Z")
      for (const key of ["b:feb", "b:spend", "gift", "a:growth"]) await postedAt(key, "2026-02-10T00:00:00Z")
      await postedAt("b:spend:returned", "2026-03-01T00:00:00Z")

      const months = await service.monthlyMovements({
        asset: "points",
        from: D("2025-12-31T16:00:00Z"), // 1 Jan in Shanghai
        to: D("2026-03-31T16:00:00Z"), // 1 Apr
        time_zone: "Asia/Shanghai",
      })
      expect(months.map((m) => [m.month, m.kind, m.total])).toEqual([
        ["2026-01", "earned", "100"],
        ["2026-02", "earned", "100"],
        ["2026-02", "spent", "25"],
        ["2026-03", "returned", "10"],
      ])
      const utc = await service.monthlyMovements({ asset: "points", from: D("2026-01-01T00:00:00Z"), to: D("2026-02-01T00:00:00Z"), time_zone: "UTC" })
      expect(utc.map((m) => [m.month, m.kind, m.total])).toEqual([["2026-01", "earned", "160"]])
    })

    it("monthlyMovements is served by the (asset, posted time) index", async () => {
      const [{ posting }] = await service.post([entry("x:1", "points", 1, platform("points_issued"), customer("cus_a"))])
      await service.post([entry("g:1", "growth", 1, platform("growth"), customer("cus_a"))])
      // many postings of another asset over a year: the report must not read them
      await knex().raw(
        `INSERT INTO ledger_posting (id, idempotency_key, asset, amount, raw_amount, debit_account_id, credit_account_id,
           status, reason, source_type, source_id, posted_at, created_at)
         SELECT 'lpst_bulk' || i, 'bulk:' || i, 'growth', 1, '{"value":"1","precision":20}', g.debit_account_id, g.credit_account_id,
                'posted', 'test.bulk', 'test', 'bulk', now() - i * interval '1 hour', now() - i * interval '1 hour'
           FROM generate_series(1, 5000) i, (SELECT * FROM ledger_posting WHERE idempotency_key = 'g:1') g`
      )
      await knex().raw(`ANALYZE ledger_posting`)
      const indexes = await knex().raw(`SELECT indexdef FROM pg_indexes WHERE indexname = 'IDX_ledger_posting_asset_posted_at'`)
      expect(indexes.rows[0].indexdef).toMatch(/\(asset, COALESCE\(posted_at, created_at\)\) WHERE \(\(status = 'posted'::text\) AND \(deleted_at IS NULL\)\)/)
      expect(posting.posted_at).toBeTruthy()
      const plan = await knex().transaction(async (trx: any) => {
        // a handful of rows: forbid the sequential scan the planner would rightly prefer, to see what the query can use
        await trx.raw(`SET LOCAL enable_seqscan = off`)
        const explained = await trx.raw(`EXPLAIN ${MONTHLY_MOVEMENTS_SQL}`, {
          asset: "points",
          from: D("2026-01-01T00:00:00Z"),
          to: D("2026-02-01T00:00:00Z"),
          time_zone: "UTC",
        })
        return explained.rows.map((r: any) => r["QUERY PLAN"]).join("\n")
      })
      expect(plan).toMatch(/IDX_ledger_posting_asset_posted_at/)
    })

    it("platformMovements: every asset's customer↔platform movements in [from, to), by asset, currency and kind (Growth overview)", async () => {
      await service.post([
        entry("p:earn", "points", 100, platform("points_issued"), customer("cus_a")),
        entry("p:spend", "points", 30, customer("cus_a"), platform("points_mall")),
        entry("c:earn", "commission", 12.5, platform("commission"), customer("cus_b"), { currency_code: "cny" }),
        entry("p:old", "points", 1000, platform("points_issued"), customer("cus_b")),
        entry("p:gift", "points", 5, customer("cus_a"), customer("cus_b")),
        entry("p:pending", "points", 999, platform("points_issued"), customer("cus_a"), { status: "pending" }),
      ])
      await postedAt("p:old", "2025-01-01T00:00:00Z")
      const rows = await service.platformMovements({ from: D("2025-06-01T00:00:00Z"), to: new Date(Date.now() + 1000) })
      expect(rows.map((r) => [r.asset, r.currency_code, r.kind, r.total, r.count])).toEqual([
        ["commission", "cny", "earned", "12.5", 1],
        ["points", null, "earned", "100", 1],
        ["points", null, "spent", "30", 1],
      ])
      expect(await service.platformMovements({ from: D("2024-01-01T00:00:00Z"), to: D("2024-02-01T00:00:00Z") })).toEqual([])
      await expect(service.platformMovements({ from: new Date("nope"), to: new Date() })).rejects.toThrow(/from must be a valid date/)
      const plan = await knex().transaction(async (trx: any) => {
        await trx.raw(`SET LOCAL enable_seqscan = off`)
        const explained = await trx.raw(`EXPLAIN ${PLATFORM_MOVEMENTS_SQL}`, { from: D("2026-01-01T00:00:00Z"), to: D("2026-02-01T00:00:00Z") })
        return explained.rows.map((r: any) => r["QUERY PLAN"]).join("\n")
      })
      // the assets by a loose index scan, the window by a range scan per asset
      expect(plan).toMatch(/Index Only Scan using "IDX_ledger_posting_asset_posted_at"/)
      expect(plan).toMatch(/Index Scan using "IDX_ledger_posting_asset_posted_at" on ledger_posting p/)
    })

    it("expiringLotsTotal: what is left of the lots that expire in (after, until]", async () => {
      const now = Date.now()
      const day = 86_400_000
      await service.post([
        entry("lot:5d", "points", 100, platform("points_issued"), customer("cus_a"), { expires_at: new Date(now + 5 * day) }),
        entry("lot:20d", "points", 50, platform("points_issued"), customer("cus_a"), { expires_at: new Date(now + 20 * day) }),
        entry("lot:60d", "points", 70, platform("points_issued"), customer("cus_a"), { expires_at: new Date(now + 60 * day) }),
        entry("lot:never", "points", 80, platform("points_issued"), customer("cus_a")),
        entry("lot:b", "points", 90, platform("points_issued"), customer("cus_b"), { expires_at: new Date(now + 5 * day) }),
      ])
      // spending consumes the soonest-expiring lot first: 100 of lot:5d and 20 of lot:20d
      await service.post([entry("spend:1", "points", 120, customer("cus_a"), platform("points_mall"))])
      const soon = { customer_id: "cus_a", asset: "points", after: new Date(now), until: new Date(now + 30 * day) }
      expect(await service.expiringLotsTotal(soon)).toBe("30")
      expect(await service.expiringLotsTotal({ ...soon, until: new Date(now + 90 * day) })).toBe("100")
      expect(await service.expiringLotsTotal({ ...soon, customer_id: "cus_b" })).toBe("90")
      expect(await service.expiringLotsTotal({ ...soon, asset: "growth" })).toBe("0")
    })

    it("listHistory pages by (created_at, id) and never skips or repeats lines that share a millisecond", async () => {
      const keys = Array.from({ length: 7 }, (_, i) => `h:${i}`)
      await service.post(keys.map((k) => entry(k, "points", 1, platform("points_issued"), customer("cus_h"))))
      // three in one millisecond (different microseconds), two in another, two alone
      const at = ["10:00:00.123456", "10:00:00.123001", "10:00:00.123999", "10:00:00.500100", "10:00:00.500900", "09:00:00", "11:00:00"]
      for (const [i, k] of keys.entries()) await postedAt(k, `2026-05-01T${at[i]}Z`)
      const full = await service.listHistory({ owner_type: "customer", owner_id: "cus_h", limit: 100 })
      expect(full.next_cursor).toBeNull()
      const order = full.postings.map((p: any) => [p.created_at.toISOString(), p.id])
      const expected = [...order].sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? 1 : -1) : a[0] < b[0] ? 1 : -1))
      expect(order).toEqual(expected)
      expect(order.map((o) => o[0]).slice(0, 3)).toEqual(["2026-05-01T11:00:00.000Z", "2026-05-01T10:00:00.500Z", "2026-05-01T10:00:00.500Z"])
      for (const limit of [1, 2, 3]) {
        const seen: string[] = []
        let before: any
        for (;;) {
          const page = await service.listHistory({ owner_type: "customer", owner_id: "cus_h", limit, before })
          seen.push(...page.postings.map((p: any) => p.id))
          if (!page.next_cursor) break
          before = page.next_cursor
        }
        expect(seen).toEqual(order.map((o) => o[1]))
      }
    })
  },
})
