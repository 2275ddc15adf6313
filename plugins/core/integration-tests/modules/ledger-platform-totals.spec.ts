import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { LEDGER_MODULE, LedgerModuleService } from "../../src/modules/ledger"
import { Migration20261203180000 } from "../../src/modules/ledger/migrations/Migration20261203180000"
import { postOne } from "../../src/modules/ledger/store/engine"
import { platform } from "../../src/utils/ledger"
import { earn, spend } from "./ledger-postings"

jest.setTimeout(300_000)


// Maintained platform totals (store/platform-totals.ts, Migration20261203180000): every write
// path keeps them equal to the postings, concurrent postings to one platform account do not
// wait for each other, and reconcile() catches a total that drifted.
moduleIntegrationTestRunner<LedgerModuleService>({
  moduleName: LEDGER_MODULE,
  resolve: path.join(__dirname, "../../src/modules/ledger"),
  pathToMigrations: path.join(__dirname, "../../src/modules/ledger/migrations"),
  testSuite: ({ service, MikroOrmWrapper }) => {
    const knex = () => (MikroOrmWrapper.forkManager() as any).getKnex()
    const platformBalance = async (purpose: string, asset = "points") =>
      (await service.retrieveBalances({ owner_type: "platform", owner_id: purpose })).find((b) => b.asset === asset)
    const shards = async (purpose: string, asset = "points") =>
      Number(
        (
          await knex().raw(
            `SELECT COUNT(*)::int AS n FROM ledger_platform_total t JOIN ledger_account a ON a.id = t.account_id
              WHERE a.owner_type = 'platform' AND a.owner_id = ? AND a.asset = ?`,
            [purpose, asset]
          )
        ).rows[0].n
      )
    const expectReconciled = async () => {
      const report = await service.reconcile()
      expect(report.platform_total_mismatches).toEqual([])
      expect(report.ok).toBe(true)
    }

    it("postings in parallel to one platform account never wait for each other and sum exactly", async () => {
      await service.post([earn("warm", "cus_w", 1)]) // the platform account and its first shard exist
      const N = 6
      // N transactions each post to platform:points_issued, then all wait until every one has
      // posted before any commits: if a posting waited for another's lock this would never finish.
      let arrived = 0
      let release!: () => void
      const allIn = new Promise<void>((r) => (release = r))
      const readsWhileOpen: (string | undefined)[] = []
      const txs = Array.from({ length: N }, (_, i) =>
        knex().transaction(async (trx: any) => {
          await postOne(trx, earn(`par-${i}`, `cus_par_${i}`, 10 + i))
          if (++arrived === N) {
            // every transaction holds its shard now; a read sees none of them yet
            readsWhileOpen.push((await platformBalance("points_issued"))?.posted)
            release()
          }
          let timer: NodeJS.Timeout | undefined
          await Promise.race([
            allIn,
            new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("postings to one platform account were serialised")), 30_000))),
          ]).finally(() => clearTimeout(timer))
        })
      )
      await Promise.all(txs)
      expect(readsWhileOpen).toEqual(["-1"])
      const expected = 1 + Array.from({ length: N }, (_, i) => 10 + i).reduce((s, x) => s + x, 0)
      expect((await platformBalance("points_issued"))!.posted).toBe(String(-expected))
      // each open transaction took a shard no other held: as many shards as transactions at once
      expect(await shards("points_issued")).toBe(N)

      // and through the service: 120 calls at once (the module's pool runs them in parallel)
      await Promise.all(Array.from({ length: 120 }, (_, i) => service.post([earn(`svc-${i}`, `cus_svc_${i % 30}`, 1 + (i % 7))])))
      const svc = Array.from({ length: 120 }, (_, i) => 1 + (i % 7)).reduce((s, x) => s + x, 0)
      expect((await platformBalance("points_issued"))!.posted).toBe(String(-(expected + svc)))
      await expectReconciled()
    })

    it("keeps totals exact through holds, settle and void, reversals and debt", async () => {
      await service.post([earn("e1", "cus_a", 100), earn("e2", "cus_b", 40)])
      await service.post([spend("hold1", "cus_a", 30, { status: "pending" }), spend("hold2", "cus_a", 20, { status: "pending" })])
      let spent = (await platformBalance("points_spent"))!
      expect([spent.posted, spent.pending_in, spent.pending_out]).toEqual(["0", "50", "0"])
      await service.settle([{ idempotency_key: "hold1", action: "post" }, { idempotency_key: "hold2", action: "void" }])
      spent = (await platformBalance("points_spent"))!
      expect([spent.posted, spent.pending_in, spent.pending_out]).toEqual(["30", "0", "0"])

      // a pending earn reduced by a pending reversal, then posted: the reduction follows it
      await service.post([earn("e3", "cus_c", 50, { status: "pending" })])
      expect((await platformBalance("points_issued"))!.pending_out).toBe("50")
      await service.reverse([{ idempotency_key: "e3", reversal_key: "e3:r", amount: 20 }])
      await service.settle([{ idempotency_key: "e3", action: "post" }])
      let issued = (await platformBalance("points_issued"))!
      expect([issued.posted, issued.pending_in, issued.pending_out]).toEqual([String(-(100 + 40 + 30)), "0", "0"])

      // cus_b spends 30 of 40, then the earn of 40 is reversed: 10 from the balance, 30 as debt
      await service.post([spend("s-b", "cus_b", 30)])
      await service.reverse([{ idempotency_key: "e2", reversal_key: "e2:r", on_shortfall: "debt" }])
      issued = (await platformBalance("points_issued"))!
      expect(issued.posted).toBe(String(-(100 + 30)))
      // a later earn repays the debt first (customer to customer: no platform change beyond the earn)
      await service.post([earn("e4", "cus_b", 50)])
      expect((await platformBalance("points_issued"))!.posted).toBe(String(-(100 + 30 + 50)))
      expect((await platformBalance("points_spent"))!.posted).toBe("60")
      await expectReconciled()
    })

    it("keeps totals exact through the set-based paths: pro-rata, bulk credits, lot expiry", async () => {
      const dp = { asset: "dividend_points", from: platform("rebates_awards") }
      await service.post([earn("d1", "cus_p1", 300, dp), earn("d2", "cus_p2", 100, dp), earn("d3", "cus_p3", 100, dp)] as any)
      const run = () =>
        service.postProRata({
          basis: { asset: "dividend_points", above: "0" },
          total_minor: "1000",
          payout: { asset: "commission", currency_code: "cny", from: "pool_t", reason: "test.pool", source_type: "test.pool", source_id: "m1", key_prefix: "pool:m1:" },
          consume_basis: { to: "dividend_consumed", reason: "test.consume", key_prefix: "consume:m1:" },
        })
      const first = await run()
      expect(first.postings).toBe(3)
      expect((await platformBalance("pool_t", "commission"))!.posted).toBe("-10.00")
      expect((await platformBalance("dividend_consumed", "dividend_points"))!.posted).toBe("500")
      expect((await platformBalance("rebates_awards", "dividend_points"))!.posted).toBe("-500")
      expect((await run()).replayed).toBe(true)
      expect((await platformBalance("pool_t", "commission"))!.posted).toBe("-10.00")

      // bulk credits: a replayed key posts (and counts) nothing
      const credits = (entries: [string, string, string][]) =>
        service.postCredits({
          asset: "points",
          from: "bulk_grants",
          reason: "test.bulk",
          source_type: "test",
          entries: entries.map(([customer_id, amount, idempotency_key]) => ({ customer_id, amount, idempotency_key, source_id: idempotency_key })),
        })
      expect(await credits([["cus_k1", "5", "bk1"], ["cus_k2", "7", "bk2"]])).toEqual({ inserted: 2, replayed: 0 })
      expect(await credits([["cus_k1", "5", "bk1"], ["cus_k3", "11", "bk3"]])).toEqual({ inserted: 1, replayed: 1 })
      expect((await platformBalance("bulk_grants"))!.posted).toBe("-23")
      // a new account starts at its credits' sum; a credit whose key was used already (for another
      // customer) is skipped and taken back from it, several credits per new customer add up
      expect(await credits([["cus_k4", "5", "bk1"], ["cus_k4", "3", "bk4a"], ["cus_k4", "4", "bk4b"]])).toEqual({ inserted: 2, replayed: 1 })
      const [k4] = await service.retrieveBalances({ owner_type: "customer", owner_id: "cus_k4" })
      expect(k4.posted).toBe("7")
      expect((await platformBalance("bulk_grants"))!.posted).toBe("-30")

      // lot expiry: what is left of the due lots goes to platform:expired
      const day = (d: number) => new Date(Date.UTC(2026, 0, d))
      await service.post([earn("x1", "cus_x1", 9, { expires_at: day(5) }), earn("x2", "cus_x2", 4, { expires_at: day(5) })])
      await service.post([spend("x1-buy", "cus_x1", 2)])
      expect(await service.expireLots({ as_of: day(10), batch_size: 1 })).toBe(2)
      expect((await platformBalance("expired"))!.posted).toBe("11")
      await expectReconciled()
    })

    it("statements of more than 1,000 rows (planned for their size), soft and hard deletes, truncate", async () => {
      const entries = Array.from({ length: 1500 }, (_, i) => ({ customer_id: `cus_big_${i}`, amount: "2", idempotency_key: `big:${i}`, source_id: `big:${i}` }))
      expect(await service.postCredits({ asset: "points", from: "bulk_big", reason: "test.big", source_type: "test", entries })).toEqual({ inserted: 1500, replayed: 0 })
      expect((await platformBalance("bulk_big"))!.posted).toBe("-3000")
      await expectReconciled()
      const platformMismatches = async () => (await service.reconcile()).platform_total_mismatches
      // soft-deleted postings leave the balances derived from postings, and so the totals
      await knex().raw(`UPDATE ledger_posting SET deleted_at = now() WHERE reason = 'test.big'`)
      expect((await platformBalance("bulk_big"))!.posted).toBe("0")
      expect(await platformMismatches()).toEqual([])
      await knex().raw(`UPDATE ledger_posting SET deleted_at = NULL WHERE reason = 'test.big'`)
      expect((await platformBalance("bulk_big"))!.posted).toBe("-3000")
      await knex().raw(`DELETE FROM ledger_posting WHERE reason = 'test.big' AND idempotency_key NOT LIKE 'big:1%'`)
      // left: big:1, big:10…19, big:100…199, big:1000…1499 = 1 + 10 + 100 + 500 postings of 2
      expect((await platformBalance("bulk_big"))!.posted).toBe(String(-2 * 611))
      expect(await platformMismatches()).toEqual([])
      await knex().raw(`TRUNCATE ledger_posting`)
      expect((await service.listPlatformBalances()).every((b) => b.posted === "0")).toBe(true)
    })

    it("reconcile() reports a platform total that differs from its postings", async () => {
      await service.post([earn("t1", "cus_t", 25), spend("t2", "cus_t", 5)])
      await expectReconciled()
      await knex().raw(
        `UPDATE ledger_platform_total SET posted = posted + 1
          WHERE account_id = (SELECT id FROM ledger_account WHERE key = 'platform:points_spent:points:-:main')`
      )
      const report = await service.reconcile()
      expect(report.ok).toBe(false)
      expect(report.counter_mismatches).toEqual([])
      expect(report.platform_total_mismatches).toEqual([
        expect.objectContaining({ key: "platform:points_spent:points:-:main", counter_posted: "6", derived_posted: "5" }),
      ])
    })

    it("the migration backfills the totals of a ledger that has postings already", async () => {
      await service.post([earn("b1", "cus_m", 25), spend("b2", "cus_m", 5), spend("b3", "cus_m", 3, { status: "pending" })])
      // a ledger from before the totals existed: postings, no totals
      await knex().raw(`DELETE FROM ledger_platform_total`)
      expect((await service.reconcile()).ok).toBe(false)
      const migration = Object.create(Migration20261203180000.prototype)
      const statements: string[] = []
      migration.addSql = (sql: string) => statements.push(sql)
      await migration.up()
      await knex().transaction(async (trx: any) => {
        for (const sql of statements) await trx.raw(sql)
      })
      const spent = (await platformBalance("points_spent"))!
      expect([spent.posted, spent.pending_in]).toEqual(["5", "3"])
      expect((await platformBalance("points_issued"))!.posted).toBe("-25")
      await expectReconciled()
      const all = await service.listPlatformBalances()
      expect(all.map((b) => [b.owner_id, b.posted, b.pending_in, b.available])).toEqual([
        ["points_issued", "-25", "0", "-25"],
        ["points_spent", "5", "3", "5"],
      ])
    })
  },
})
