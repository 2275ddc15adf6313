import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { LEDGER_MODULE, LedgerModuleService } from "../../src/modules/ledger"
import { Migration20261204020000 } from "../../src/modules/ledger/migrations/Migration20261204020000"
import { postOne } from "../../src/modules/ledger/store/engine"
import { platformMovementsFromPostings } from "../../src/modules/ledger/store/movements"
import { localDate, startOfLocalDay } from "../../src/utils"
import { customer, platform } from "../../src/utils/ledger"
import { earn, spend } from "./ledger-postings"

jest.setTimeout(300_000)

const MIN = 60_000
const DAY = 86_400_000
// Zones with whole-hour, 30- and 45-minute offsets, with and without DST.
const ZONES = [
  "UTC",
  "Asia/Shanghai",
  "America/New_York",
  "Asia/Kolkata", // +5:30
  "Asia/Kathmandu", // +5:45
  "Australia/Eucla", // +8:45
  "Pacific/Chatham", // +12:45 / +13:45
  "America/St_Johns", // −3:30 / −2:30
  "Australia/Adelaide", // +9:30 / +10:30
  "Pacific/Marquesas", // −9:30
]

/** A seeded generator, so a failing run can be repeated (the seed is in the test name). */
function mulberry32(seed: number) {
  return () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const SEED = Number(process.env.FISSION_BUCKETS_SEED ?? 20261204)

/** Totals compared as decimals: the buckets' read has no trailing zeros, the postings' sum keeps the largest scale. */
const canonical = (rows: { asset: string; currency_code: string | null; kind: string; total: string; count: number }[]) =>
  rows.map((r) => [r.asset, r.currency_code, r.kind, r.total.includes(".") ? r.total.replace(/\.?0+$/, "") : r.total, r.count])

// Maintained movement buckets (Migration20261204020000, store/movements.ts `platformMovements`): the
// Growth overview's sums read from 15-minute buckets equal the sums over postings they replace, for
// any window and store time zone; the same triggers as the platform totals keep them through every
// write path without postings waiting for each other; reconcile() catches a drifted bucket.
moduleIntegrationTestRunner<LedgerModuleService>({
  moduleName: LEDGER_MODULE,
  resolve: path.join(__dirname, "../../src/modules/ledger"),
  pathToMigrations: path.join(__dirname, "../../src/modules/ledger/migrations"),
  testSuite: ({ service, MikroOrmWrapper }) => {
    const knex = () => (MikroOrmWrapper.forkManager() as any).getKnex()
    const expectReconciled = async ({ counters = true } = {}) => {
      const report = await service.reconcile()
      expect(report.movement_bucket_mismatches).toEqual([])
      expect(report.platform_total_mismatches).toEqual([])
      // (customer counters are the engine's, not the triggers': raw deletes below leave them behind)
      if (counters) expect(report.ok).toBe(true)
    }
    const expectSame = async (from: Date, to: Date) => {
      const buckets = await service.platformMovements({ from, to })
      const postings = await platformMovementsFromPostings(knex(), { from, to })
      expect({ from, to, rows: canonical(buckets) }).toEqual({ from, to, rows: canonical(postings) })
      return postings.length
    }

    it(`equals the sum over postings for random postings, windows and time zones (seed ${SEED})`, async () => {
      const rnd = mulberry32(SEED)
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]
      const now = Date.now()
      const customers = Array.from({ length: 12 }, (_, i) => `cus_r${i}`)
      const commission = (key: string, who: string, amount: string, extra: Record<string, unknown> = {}) => ({
        ...earn(key, who, amount, extra),
        asset: "commission",
        currency_code: pick(["cny", "usd"]),
        from: platform("commission"),
      })
      // earns of points and commissions (some pending), spends, gifts between customers
      const inputs: any[] = []
      const gifts: any[] = []
      for (let i = 0; i < 400; i++) {
        const who = pick(customers)
        const r = rnd()
        const status = rnd() < 0.1 ? { status: "pending" } : {}
        if (r < 0.45) inputs.push(earn(`r:e:${i}`, who, 1 + Math.floor(rnd() * 500), status))
        else if (r < 0.75) inputs.push(commission(`r:c:${i}`, who, `${1 + Math.floor(rnd() * 900)}.${Math.floor(rnd() * 100)}`, status))
        else if (r < 0.9) gifts.push(earn(`r:g:${i}`, who, 1, { from: customer(customers[(customers.indexOf(who) + 1) % customers.length]), reason: "test.gift" }))
        else inputs.push({ ...earn(`r:s:${i}`, who, 1 + Math.floor(rnd() * 20), { asset: "growth" }), from: platform("growth") })
      }
      for (let i = 0; i < inputs.length; i += 50) await service.post(inputs.slice(i, i + 50))
      await service.post(gifts)
      await service.post(customers.map((who, i) => spend(`r:sp:${i}`, who, 1 + Math.floor(rnd() * 40))))
      // reversals (one to debt), settle and void of the pending ones
      await service.reverse([
        { idempotency_key: "r:e:0", reversal_key: "r:e:0:rev", on_shortfall: "debt" },
        { idempotency_key: inputs.find((x) => x.asset === "commission" && !x.status)?.idempotency_key, reversal_key: "r:c:rev", amount: "0.5" },
      ].filter((r) => inputs.find((x) => x.idempotency_key === r.idempotency_key && !x.status)) as any)
      const pending = inputs.filter((x) => x.status === "pending")
      await service.settle(pending.map((x, i) => ({ idempotency_key: x.idempotency_key, action: i % 3 ? "post" : "void" })) as any)
      // a set-based insert of more than 1,000 rows (the triggers' planned path)
      const entries = Array.from({ length: 1200 }, (_, i) => ({ customer_id: `cus_b${i % 40}`, amount: String(1 + (i % 9)), idempotency_key: `r:b:${i}`, source_id: `r:b:${i}` }))
      await service.postCredits({ asset: "points", from: "bulk_grants", reason: "test.bulk", source_type: "test", entries })
      // lots that expire (customer → platform:expired)
      await service.post([earn("r:x1", "cus_x", 9, { expires_at: new Date(now - 2 * DAY) }), earn("r:x2", "cus_x", 4, { expires_at: new Date(now - 2 * DAY) })])
      expect(await service.expireLots({ as_of: new Date(now - DAY) })).toBe(2)
      await expectReconciled()

      // Spread every posting over the last 45 days and the next hour, to the second, in two
      // statements (the small and the planned path): the update trigger moves the buckets.
      await knex().raw(
        `UPDATE ledger_posting SET posted_at = to_timestamp(:now / 1000.0 - (abs(hashtext(id || :seed)) % (45 * 86400)) + 3600)
          WHERE reason <> 'test.bulk' AND status = 'posted'`,
        { now, seed: String(SEED) }
      )
      await knex().raw(
        `UPDATE ledger_posting SET posted_at = to_timestamp(:now / 1000.0 - (abs(hashtext(id || :seed)) % (45 * 86400)) + 3600)
          WHERE reason = 'test.bulk'`,
        { now, seed: String(SEED) }
      )
      // one soft-deleted, one restored, one hard-deleted
      await knex().raw(`UPDATE ledger_posting SET deleted_at = now() WHERE idempotency_key IN ('r:b:1', 'r:b:2')`)
      await knex().raw(`UPDATE ledger_posting SET deleted_at = NULL WHERE idempotency_key = 'r:b:2'`)
      await knex().raw(`DELETE FROM ledger_posting WHERE idempotency_key = 'r:b:3'`)
      await expectReconciled({ counters: false })

      // the route's windows (today and the last 30 local days) in every zone, as of random times
      let nonEmpty = 0
      for (const zone of ZONES) {
        for (let k = 0; k < 3; k++) {
          const at = new Date(now - Math.floor(rnd() * 20 * DAY))
          const todayFrom = startOfLocalDay(localDate(at, zone), zone)
          const monthFrom = startOfLocalDay(localDate(new Date(todayFrom.getTime() - 29 * DAY + DAY / 2), zone), zone)
          // a local day starts on a 15-minute bucket in every zone
          expect(todayFrom.getTime() % (15 * MIN)).toBe(0)
          const to = new Date(at.getTime() + 1)
          if (await expectSame(todayFrom, to)) nonEmpty++
          if (await expectSame(monthFrom, to)) nonEmpty++
        }
      }
      // arbitrary windows, neither end on a bucket, down to an empty and a reversed one
      for (let k = 0; k < 30; k++) {
        const from = now - Math.floor(rnd() * 46 * DAY)
        const to = from + Math.floor(rnd() * (k < 10 ? 40 * MIN : 20 * DAY))
        if (await expectSame(new Date(from), new Date(to))) nonEmpty++
      }
      await expectSame(new Date(now), new Date(now))
      expect(await service.platformMovements({ from: new Date(now), to: new Date(now - DAY) })).toEqual([])
      // the comparisons compared something: most windows had movements
      expect(nonEmpty).toBeGreaterThan(60)
      const all = await service.platformMovements({ from: new Date(now - 50 * DAY), to: new Date(now + DAY) })
      expect(new Set(all.map((r) => r.kind))).toEqual(new Set(["earned", "spent", "reversed", "expired"]))
    })

    it("postings in parallel into one bucket never wait for each other and sum exactly", async () => {
      await service.post([earn("warm", "cus_w", 1)])
      const N = 6
      let arrived = 0
      let release!: () => void
      const allIn = new Promise<void>((r) => (release = r))
      const txs = Array.from({ length: N }, (_, i) =>
        knex().transaction(async (trx: any) => {
          await postOne(trx, earn(`par-${i}`, `cus_par_${i}`, 10 + i))
          if (++arrived === N) release()
          let timer: NodeJS.Timeout | undefined
          await Promise.race([
            allIn,
            new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("postings into one bucket were serialised")), 30_000))),
          ]).finally(() => clearTimeout(timer))
        })
      )
      await Promise.all(txs)
      // all in the current bucket: one shard per transaction that was open at once (+ the warm-up's)
      const [{ shards, total, count }] = (
        await knex().raw(
          `SELECT COUNT(*)::int AS shards, SUM(total)::text AS total, SUM(count)::int AS count FROM ledger_movement_bucket
            WHERE asset = 'points' AND kind = 'earned' AND bucket_at = date_bin('15 minutes', now(), TIMESTAMPTZ '2000-01-01 00:00:00+00')`
        )
      ).rows
      if (count === N + 1) {
        // (the run did not cross a 15-minute boundary)
        expect(shards).toBeGreaterThanOrEqual(N)
        expect(total).toBe(String(1 + Array.from({ length: N }, (_, i) => 10 + i).reduce((s, x) => s + x, 0)))
      }
      await Promise.all(Array.from({ length: 60 }, (_, i) => service.post([earn(`svc-${i}`, `cus_svc_${i % 20}`, 1 + (i % 7))])))
      const [movement] = await service.platformMovements({ from: new Date(Date.now() - DAY), to: new Date(Date.now() + 1000) })
      expect([movement.kind, movement.count]).toEqual(["earned", N + 1 + 60])
      await expectReconciled()
    })

    it("reconcile() reports a bucket that differs from its postings, and the migration backfills them", async () => {
      await service.post([earn("t1", "cus_t", 25), spend("t2", "cus_t", 5), spend("t3", "cus_t", 3, { status: "pending" })])
      await expectReconciled()
      await knex().raw(`UPDATE ledger_movement_bucket SET total = total + 1 WHERE kind = 'spent'`)
      const report = await service.reconcile()
      expect(report.ok).toBe(false)
      expect(report.platform_total_mismatches).toEqual([])
      expect(report.movement_bucket_mismatches).toEqual([
        expect.objectContaining({ asset: "points", currency_code: null, kind: "spent", bucket_total: "6", derived_total: "5", bucket_count: 1, derived_count: 1 }),
      ])

      // a ledger from before the buckets existed: postings, no buckets
      await knex().raw(`DELETE FROM ledger_movement_bucket`)
      expect((await service.reconcile()).movement_bucket_mismatches).toHaveLength(2)
      const migration = Object.create(Migration20261204020000.prototype)
      const statements: string[] = []
      migration.addSql = (sql: string) => statements.push(sql)
      await migration.up()
      await knex().transaction(async (trx: any) => {
        for (const sql of statements) await trx.raw(sql)
      })
      await expectReconciled()
      const rows = await service.platformMovements({ from: new Date(Date.now() - DAY), to: new Date(Date.now() + 1000) })
      expect(rows.map((r) => [r.kind, r.total, r.count])).toEqual([
        ["earned", "25", 1],
        ["spent", "5", 1],
      ])
      // truncating postings empties the buckets too
      await knex().raw(`TRUNCATE ledger_posting`)
      expect((await knex().raw(`SELECT COUNT(*)::int AS n FROM ledger_movement_bucket`)).rows[0].n).toBe(0)
    })
  },
})
