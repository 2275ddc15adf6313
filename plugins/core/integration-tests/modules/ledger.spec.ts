import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { LEDGER_MODULE, LedgerModuleService } from "../../src/modules/ledger"
import { customer, platform } from "../../src/utils/ledger"
import { earn, spend } from "./ledger-postings"

jest.setTimeout(300_000)

const C = (id: string) => customer(id)

moduleIntegrationTestRunner<LedgerModuleService>({
  moduleName: LEDGER_MODULE,
  resolve: path.join(__dirname, "../../src/modules/ledger"),
  pathToMigrations: path.join(__dirname, "../../src/modules/ledger/migrations"),
  testSuite: ({ service }) => {
    const balance = async (who: string, asset = "points", purpose = "main") =>
      (await service.retrieveBalances({ owner_type: "customer", owner_id: who })).find(
        (b) => b.asset === asset && b.purpose === purpose
      )

    it("replays a repeated idempotency key without changing anything", async () => {
      const [first] = await service.post([earn("k1", "cus_a", 100)])
      const [again] = await service.post([earn("k1", "cus_a", 100)])
      expect(first.replayed).toBe(false)
      expect(again.replayed).toBe(true)
      expect(again.posting.id).toBe(first.posting.id)
      expect((await balance("cus_a"))!.available).toBe("100")
      const history = await service.listHistory({ owner_type: "customer", owner_id: "cus_a", limit: 10 })
      expect(history.postings).toHaveLength(1)
    })

    it("rejects a repeated key with a different amount or account as a conflict", async () => {
      await service.post([earn("k2", "cus_a", 100)])
      await expect(service.post([earn("k2", "cus_a", 101)])).rejects.toThrow(/already used for a different posting/)
      await expect(service.post([earn("k2", "cus_b", 100)])).rejects.toThrow(/already used/)
      expect((await balance("cus_a"))!.posted).toBe("100")
      expect(await balance("cus_b")).toBeUndefined()
    })

    it("rejects bad input with a message naming the field and writes nothing", async () => {
      await expect(service.post([earn("bad1", "cus_a", 0)])).rejects.toThrow(/amount must be greater than 0/)
      await expect(service.post([earn("bad2", "cus_a", 1.5)])).rejects.toThrow(/more than 0 decimal places/)
      await expect(service.post([earn("bad3", "cus_a", "abc")])).rejects.toThrow(/amount must be a positive decimal/)
      await expect(service.post([{ ...earn("bad4", "cus_a", 1), asset: "gold" as any }])).rejects.toThrow(/asset must be one of/)
      await expect(
        service.post([{ ...earn("bad5", "cus_a", 1), asset: "commission" as any }])
      ).rejects.toThrow(/currency_code is required/)
      // a batch is all-or-nothing
      await expect(service.post([earn("ok-in-bad-batch", "cus_a", 5), spend("overdraw", "cus_a", 6)])).rejects.toThrow(
        /Insufficient points balance/
      )
      expect(await balance("cus_a")).toBeUndefined()
      expect((await service.reconcile()).ok).toBe(true)
    })

    it("lets exactly 50 of 200 concurrent debits of 1 through against a balance of 50", async () => {
      await service.post([earn("fund", "cus_race", 50)])
      const results = await Promise.allSettled(
        Array.from({ length: 200 }, (_, i) => service.post([spend(`race-${i}`, "cus_race", 1)]))
      )
      const ok = results.filter((r) => r.status === "fulfilled")
      const failed = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[]
      expect(ok).toHaveLength(50)
      expect(failed).toHaveLength(150)
      expect(failed.every((f) => /Insufficient points balance/.test(String(f.reason)))).toBe(true)
      const b = (await balance("cus_race"))!
      expect(b.posted).toBe("0")
      expect(b.available).toBe("0")
      const report = await service.reconcile()
      expect(report.ok).toBe(true)
      expect(report.counter_mismatches).toHaveLength(0)
    })

    it("holds pending credits out of available, pending debits in, and voids or posts them", async () => {
      await service.post([earn("base", "cus_p", 100)])
      await service.post([earn("frozen", "cus_p", 40, { status: "pending" }), spend("reserve", "cus_p", 30, { status: "pending" })])
      let b = (await balance("cus_p"))!
      expect([b.posted, b.pending_in, b.pending_out, b.available]).toEqual(["100", "40", "30", "70"])
      // the reserved 30 cannot be spent twice
      await expect(service.post([spend("too-much", "cus_p", 71)])).rejects.toThrow(/Insufficient/)

      await service.settle([{ idempotency_key: "frozen", action: "void" }, { idempotency_key: "reserve", action: "post" }])
      b = (await balance("cus_p"))!
      expect([b.posted, b.pending_in, b.pending_out, b.available]).toEqual(["70", "0", "0", "70"])
      // settling again the same way is a no-op; the other way is a conflict
      const [again] = await service.settle([{ idempotency_key: "frozen", action: "void" }])
      expect(again.replayed).toBe(true)
      await expect(service.settle([{ idempotency_key: "frozen", action: "post" }])).rejects.toThrow(/already voided/)
      expect((await service.reconcile()).ok).toBe(true)
    })

    it("reduces a pending credit by a partial refund and the reduction follows the original", async () => {
      const earnC = (key: string, amount: number, who = "cus_red") => ({
        idempotency_key: key,
        asset: "commission" as const,
        currency_code: "cny",
        amount,
        from: platform("commissions"),
        to: C(who),
        status: "pending" as const,
        reason: "commission.level1",
        source_type: "order",
        source_id: key,
      })
      await service.post([earnC("o1", 100), earnC("o2", 100)])
      await service.reverse([{ idempotency_key: "o1", reversal_key: "o1:refund", amount: 40 }])
      await service.reverse([{ idempotency_key: "o2", reversal_key: "o2:refund", amount: 30 }])
      let b = (await balance("cus_red", "commission"))!
      expect([b.posted, b.pending_in, b.pending_out, b.available]).toEqual(["0", "130", "0", "0"])
      // a reduction cannot be settled on its own
      await expect(service.settle([{ idempotency_key: "o1:refund", action: "post" }])).rejects.toThrow(/settles together/)

      await service.settle([{ idempotency_key: "o1", action: "post" }, { idempotency_key: "o2", action: "void" }])
      b = (await balance("cus_red", "commission"))!
      expect([b.posted, b.pending_in, b.pending_out, b.available]).toEqual(["60", "0", "0", "60"])
      expect((await service.reconcile()).ok).toBe(true)
    })

    it("spends soonest-expiring lots first and a refund of the spend returns to the same lots", async () => {
      const day = (d: number) => new Date(Date.UTC(2026, 0, d))
      await service.post([
        earn("lot-late", "cus_lot", 100, { expires_at: day(30) }),
        earn("lot-early", "cus_lot", 50, { expires_at: day(10) }),
        earn("lot-never", "cus_lot", 20),
      ])
      const [spent] = await service.post([spend("buy", "cus_lot", 120)])
      // 50 from the early lot, then 70 of the late one; the never-expiring lot is untouched
      const [reversal] = await service.reverse([{ posting_id: spent.posting.id, reversal_key: "buy:refund", amount: 60 }])
      expect(reversal.posting.reverses_posting_id).toBe(spent.posting.id)
      expect((await balance("cus_lot"))!.available).toBe("110")

      // Expire at day 20: the early lot got 0 of the 60 back (latest lots are refunded first) ⇒ nothing to expire
      // of it; at day 31 the late lot (100 − 70 + 60 = 90) expires, the never lot remains.
      expect(await service.expireLots({ as_of: day(20) })).toBe(0)
      expect(await service.expireLots({ as_of: day(31) })).toBe(1)
      expect((await balance("cus_lot"))!.available).toBe("20")
      // the rest of the refund (60 more) returns to the early lot, already expired: the next run expires it
      await service.reverse([{ posting_id: spent.posting.id, reversal_key: "buy:refund-2" }])
      expect((await balance("cus_lot"))!.available).toBe("80")
      expect(await service.expireLots({ as_of: day(31) })).toBe(2)
      expect((await balance("cus_lot"))!.available).toBe("20")
      // idempotent: nothing left to expire
      expect(await service.expireLots({ as_of: day(31) })).toBe(0)
      const history = await service.listHistory({ owner_type: "customer", owner_id: "cus_lot", limit: 50 })
      expect(history.postings.filter((p: any) => p.reason === "expired").map((p: any) => p.amount).sort()).toEqual([
        "10",
        "50",
        "90",
      ])
      expect((await service.reconcile()).ok).toBe(true)
    })

    it("expires the due lots of every account when batches are smaller than the number of accounts", async () => {
      const day = (d: number) => new Date(Date.UTC(2026, 0, d))
      const owners = ["cus_b1", "cus_b2", "cus_b3", "cus_b4", "cus_b5"]
      await service.post(owners.flatMap((o) => [earn(`${o}-due`, o, 7, { expires_at: day(5) }), earn(`${o}-later`, o, 3, { expires_at: day(40) })]))
      expect(await service.expireLots({ as_of: day(10), batch_size: 2 })).toBe(5)
      for (const o of owners) expect((await balance(o))!.available).toBe("3")
      expect(await service.expireLots({ as_of: day(10), batch_size: 2 })).toBe(0)
      expect((await service.reconcile()).ok).toBe(true)
    })

    it("expires lots while spends race it: every point is spent or expired, never both", async () => {
      const day = (d: number) => new Date(Date.UTC(2026, 0, d))
      const owners = Array.from({ length: 12 }, (_, i) => `cus_x${String(i).padStart(2, "0")}`)
      await service.post(owners.flatMap((o) => [earn(`${o}-due`, o, 10, { expires_at: day(5) }), earn(`${o}-later`, o, 5, { expires_at: day(40) })]))
      const spends = owners.flatMap((o) => [1, 2, 3].map((i) => service.post([spend(`${o}-buy-${i}`, o, 4)])))
      const [expired, ...results] = await Promise.allSettled([service.expireLots({ as_of: day(10), batch_size: 3 }), ...spends])
      expect(expired.status).toBe("fulfilled")
      for (const r of results) {
        if (r.status === "rejected") expect(String(r.reason)).toMatch(/Insufficient points balance/)
      }
      expect(await service.expireLots({ as_of: day(10), batch_size: 3 })).toBe(0)
      let expiredLots = 0
      for (const o of owners) {
        const history = await service.listHistory({ owner_type: "customer", owner_id: o, limit: 50 })
        const sum = (reason: string) =>
          history.postings.filter((p: any) => p.reason === reason).reduce((s: number, p: any) => s + Number(p.amount), 0)
        const b = (await balance(o))!
        // 15 earned = spent + expired + what is left; the due lot is empty, the later lot holds what is left
        expect(sum("test.spend") + sum("expired") + Number(b.available)).toBe(15)
        expect(sum("expired")).toBeLessThanOrEqual(10)
        expiredLots += history.postings.filter((p: any) => p.reason === "expired").length
        const left = (after: number, until: number) =>
          service.expiringLotsTotal({ customer_id: o, asset: "points", after: day(after), until: day(until) })
        expect(await left(0, 6)).toBe("0")
        expect(await left(6, 41)).toBe(b.available)
      }
      expect(expiredLots).toBe((expired as PromiseFulfilledResult<number>).value)
      const report = await service.reconcile()
      expect(report.ok).toBe(true)
    })

    it("records a reversal that finds the balance spent as debt, repaid first from later earnings", async () => {
      const earnC = (key: string, amount: number) => ({
        idempotency_key: key,
        asset: "commission" as const,
        currency_code: "cny",
        amount,
        from: platform("commissions"),
        to: C("cus_debt"),
        reason: "commission.level1",
        source_type: "order",
        source_id: key,
      })
      const [earned] = await service.post([earnC("c1", 100)])
      await service.post([
        { ...earnC("w1", 80), from: C("cus_debt"), to: platform("withdrawals"), reason: "withdrawal" },
      ])
      const parts = await service.reverse([
        { posting_id: earned.posting.id, reversal_key: "c1:refund", on_shortfall: "debt" },
      ])
      expect(parts.map((p) => p.posting.amount).map(String)).toEqual(["20", "80"])
      expect((await balance("cus_debt", "commission"))!.available).toBe("0")
      expect((await balance("cus_debt", "commission", "debt"))!.posted).toBe("-80")

      await service.post([earnC("c2", 50)])
      expect((await balance("cus_debt", "commission"))!.available).toBe("0")
      expect((await balance("cus_debt", "commission", "debt"))!.posted).toBe("-30")
      await service.post([earnC("c3", 50)])
      expect((await balance("cus_debt", "commission"))!.available).toBe("20")
      expect((await balance("cus_debt", "commission", "debt"))!.posted).toBe("0")
      expect((await service.reconcile()).ok).toBe(true)
    })

    it("keeps every asset at zero-sum through 10,000 random operations (fixed seed)", async () => {
      let seed = 20261123
      const rand = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n
      const people = Array.from({ length: 25 }, (_, i) => `cus_prop_${i}`)
      const expected = new Map<string, number>(people.map((p) => [p, 0]))
      const earned: { key: string; who: string; amount: number }[] = []
      const pending: { key: string; who: string; amount: number }[] = []
      let rejected = 0
      for (let i = 0; i < 10_000; i++) {
        const who = people[rand(people.length)]
        const op = rand(10)
        const amount = 1 + rand(20)
        if (op < 4) {
          await service.post([earn(`p${i}`, who, amount)])
          expected.set(who, expected.get(who)! + amount)
          earned.push({ key: `p${i}`, who, amount })
        } else if (op < 7) {
          const enough = expected.get(who)! >= amount
          const outcome = await service.post([spend(`p${i}`, who, amount)]).then(
            () => "ok",
            (e) => String(e.message)
          )
          // the database must agree with the model on every single debit
          expect(outcome).toBe(enough ? "ok" : "Insufficient points balance")
          if (enough) expected.set(who, expected.get(who)! - amount)
          else rejected++
        } else if (op === 7) {
          await service.post([earn(`p${i}`, who, amount, { status: "pending" })])
          pending.push({ key: `p${i}`, who, amount })
        } else if (op === 8 && pending.length) {
          const p = pending.splice(rand(pending.length), 1)[0]
          const action = rand(2) ? "post" : "void"
          await service.settle([{ idempotency_key: p.key, action }])
          if (action === "post") expected.set(p.who, expected.get(p.who)! + p.amount)
        } else if (earned.length) {
          const old = earned[rand(earned.length)]
          const [replay] = await service.post([earn(old.key, old.who, old.amount)])
          expect(replay.replayed).toBe(true)
        }
      }
      expect(rejected).toBeGreaterThan(0)
      for (const who of people) {
        const b = await balance(who)
        expect(Number(b?.available ?? 0)).toBe(expected.get(who))
      }
      const report = await service.reconcile()
      expect(report.ok).toBe(true)
      expect(report.assets.find((a: any) => a.asset === "points").total).toMatch(/^0(\.0+)?$/)
    })
    it("pays a pro-rata run in bulk: new payout accounts start at their share, a used key takes it back, a re-run pays 0", async () => {
      const dp = { asset: "dividend_points", from: platform("rebates_awards") }
      await service.post([earn("pr1", "cus_pr1", 300, dp), earn("pr2", "cus_pr2", 100, dp), earn("pr3", "cus_pr3", 100, dp)] as any)
      // cus_pr1's payout account exists already (counter updated), cus_pr2's and cus_pr3's are created by the run
      await service.post([
        { idempotency_key: "pr:seed", asset: "commission", currency_code: "cny", amount: "1.00", from: platform("pool_test"), to: C("cus_pr1"),
          reason: "test.seed", source_type: "test", source_id: "seed" },
        // cus_pr2's payout key is used already (by a posting to someone else): its posting is skipped
        { idempotency_key: "pool:t1:cus_pr2", asset: "commission", currency_code: "cny", amount: "0.50", from: platform("pool_test"), to: C("cus_other"),
          reason: "test.seed", source_type: "test", source_id: "seed2" },
      ] as any)
      const run = () =>
        service.postProRata({
          basis: { asset: "dividend_points", above: "0" },
          total_minor: "1000",
          payout: { asset: "commission", currency_code: "cny", from: "pool_test", reason: "test.pool", source_type: "test.pool", source_id: "t1", key_prefix: "pool:t1:" },
        })
      const first = await run()
      expect(first.replayed).toBe(false)
      expect(first.postings).toBe(2)
      expect(Number((await balance("cus_pr1", "commission"))!.posted)).toBe(7)
      expect(Number((await balance("cus_pr2", "commission"))?.posted ?? 0)).toBe(0)
      expect(Number((await balance("cus_pr3", "commission"))!.posted)).toBe(2)
      const again = await run()
      expect(again.replayed).toBe(true)
      expect(again.postings).toBe(0)
      expect((await service.reconcile()).ok).toBe(true)
    })

    it("a pro-rata run racing single postings to its holders' payout and basis accounts: every posting lands once, counters = postings", async () => {
      const dp = { asset: "dividend_points", from: platform("rebates_awards") }
      const holders = Array.from({ length: 40 }, (_, i) => `cus_race_${String(i).padStart(2, "0")}`)
      await service.post(holders.map((h, i) => earn(`race:dp:${h}`, h, 100 + i, dp)) as any)
      const commission = (h: string, n: number) => ({
        idempotency_key: `race:c:${h}:${n}`, asset: "commission", currency_code: "cny", amount: "0.10", from: platform("pool_seed"), to: C(h),
        reason: "test.race", source_type: "test", source_id: `race:${n}`,
      })
      await service.post(holders.map((h) => commission(h, 0)) as any) // payout accounts exist: the run updates their counters
      const run = service.postProRata({
        basis: { asset: "dividend_points", above: "0" },
        total_minor: "100000",
        payout: { asset: "commission", currency_code: "cny", from: "pool_race", reason: "test.pool", source_type: "test.pool", source_id: "race", key_prefix: "pool:race:" },
      })
      // meanwhile: commissions to the payout accounts and points to the basis accounts
      const singles = holders.flatMap((h, i) => [
        service.post([commission(h, 1)] as any),
        service.post([commission(holders[holders.length - 1 - i], 2)] as any),
        service.post([earn(`race:dp2:${h}`, h, 5, dp)] as any),
      ])
      const [paid] = await Promise.all([run, ...singles])
      expect(paid.postings).toBe(40)
      expect(paid.paid_total).toBe("1000.00")
      for (const h of holders.slice(0, 3)) {
        const posted = Number((await balance(h, "commission"))!.posted)
        const share = Number((await service.listLedgerPostings({ idempotency_key: `pool:race:${h}` }))[0].amount)
        expect(posted).toBeCloseTo(0.3 + share, 2)
      }
      expect((await service.reconcile()).ok).toBe(true)
    })
  },
})
