import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { LEDGER_MODULE, LedgerModuleService } from "../../src/modules/ledger"
import { customer, platform } from "../../src/utils/ledger"
import { orderReversal, ReversalLine } from "../../src/utils/order-lifecycle/reversal"
import { reversalEntriesFor } from "../../src/utils/order-lifecycle/reversal-entries"
import { earn, spend } from "./ledger-postings"

jest.setTimeout(300_000)

/** A commission credit `platform:commissions` → the customer (cny), keyed and sourced by `key`. */
const commission = (key: string, who: string, amount: number | string, extra: Record<string, unknown> = {}) => ({
  idempotency_key: key,
  asset: "commission" as const,
  currency_code: "cny",
  amount,
  from: platform("commissions"),
  to: customer(who),
  reason: "commission.level1",
  source_type: "order",
  source_id: key,
  ...extra,
})

/** A cumulative reversal of `key` to `target`, the way `reversalEntriesFor` builds it. */
const toTarget = (key: string, target: string | number, extra: Record<string, unknown> = {}) => ({
  idempotency_key: key,
  reversal_key: `${key}:reversed-to:${target}`,
  to_total: target,
  on_shortfall: "debt" as const,
  reinstate: true,
  reason: "commission.order_refund",
  ...extra,
})

moduleIntegrationTestRunner<LedgerModuleService>({
  moduleName: LEDGER_MODULE,
  resolve: path.join(__dirname, "../../src/modules/ledger"),
  pathToMigrations: path.join(__dirname, "../../src/modules/ledger/migrations"),
  testSuite: ({ service }) => {
    const balance = async (who: string, asset = "commission", purpose = "main") =>
      (await service.retrieveBalances({ owner_type: "customer", owner_id: who })).find(
        (b) => b.asset === asset && b.purpose === purpose
      )
    const postingsOf = async (who: string) =>
      (await service.listHistory({ owner_type: "customer", owner_id: who, limit: 100 })).postings as any[]
    const reinstatementsOf = async (who: string) =>
      (await postingsOf(who)).filter((p) => p.source_type === "ledger.reinstatement")
    /** One refund/return event of the order as it stands: the shared rule → the ledger. */
    const applyOrder = async (
      earnings: { key: string; line: string; amount: string }[],
      lines: ReversalLine[],
      refunded: string
    ) => {
      const r = orderReversal({ lines, refunded })
      return service.reverse(
        reversalEntriesFor(
          earnings.map((e) => ({ posting_key: e.key, amount: e.amount, digits: 2, share: r.lines[e.line], reason: "commission.order_refund", as_of: r.as_of }))
        )
      )
    }

    it("an older state of the order (a redelivered or overtaken event) never gives back what a newer one reversed", async () => {
      await service.post([commission("st:A", "cus_st", 10), commission("st:B", "cus_st", 10)])
      const earnings = [
        { key: "st:A", line: "A", amount: "10" },
        { key: "st:B", line: "B", amount: "10" },
      ]
      const both = [{ id: "A", quantity: 1, paid: 100 }, { id: "B", quantity: 1, paid: 100 }]
      // the second refund's event (200 refunded: everything) commits first …
      await applyOrder(earnings, both, "200")
      expect((await balance("cus_st"))!.available).toBe("0")
      // … then the first refund's event (100 refunded: 5 + 5), planned on the older state, arrives
      expect(await applyOrder(earnings, both, "100")).toEqual([])
      expect((await balance("cus_st"))!.available).toBe("0")
      expect(await reinstatementsOf("cus_st")).toEqual([])
      // and redelivering the newest again changes nothing
      expect(await applyOrder(earnings, both, "200")).toEqual([])
      expect((await service.reconcile()).ok).toBe(true)
    })

    it("gives back what a goodwill refund reversed of a line once the refund pays for another line returned (A/B)", async () => {
      await service.post([commission("ab:A", "cus_ab", 10), commission("ab:B", "cus_ab", 10)])
      const earnings = [
        { key: "ab:A", line: "A", amount: "10" },
        { key: "ab:B", line: "B", amount: "10" },
      ]
      // goodwill refund of 100, nothing returned: 5 + 5
      await applyOrder(earnings, [{ id: "A", quantity: 1, paid: 100 }, { id: "B", quantity: 1, paid: 100 }], "100")
      expect((await balance("cus_ab"))!.available).toBe("10")
      // A comes back: the refund paid for A (10 reversed), B is kept whole (its 5 given back)
      const results = await applyOrder(
        earnings,
        [{ id: "A", quantity: 1, paid: 100, returned_quantity: 1 }, { id: "B", quantity: 1, paid: 100 }],
        "100"
      )
      expect(results.map((r) => [r.posting.reason, String(r.posting.amount)])).toEqual([
        ["commission.order_refund", "5"],
        ["commission.order_refund.reinstated", "5"],
      ])
      expect((await balance("cus_ab"))!.available).toBe("10")
      const [back] = await reinstatementsOf("cus_ab")
      expect(back.reverses_posting_id).toBeNull()
      expect(String(back.amount)).toBe("5")
      expect((await service.reconcile()).ok).toBe(true)
    })

    it("keeps 99.97 of 1 × 100 + 2 × 899 after goodwill 100.33, a returned 899 and then the 100 line returned", async () => {
      // commission 10 on the 100 line, 2 × 100 on the 899 line (the simulation's case)
      await service.post([commission("sim:l1", "cus_sim", 10), commission("sim:l2", "cus_sim", 200)])
      const earnings = [
        { key: "sim:l1", line: "l1", amount: "10" },
        { key: "sim:l2", line: "l2", amount: "200" },
      ]
      const lines = (r1: number, r2: number) => [
        { id: "l1", quantity: 1, paid: 100, returned_quantity: r1 },
        { id: "l2", quantity: 2, paid: 1798, returned_quantity: r2 },
      ]
      await applyOrder(earnings, lines(0, 0), "100.33")
      expect((await balance("cus_sim"))!.available).toBe("198.91") // 0.52 + 10.57 reversed
      await applyOrder(earnings, lines(0, 1), "999.33")
      expect((await balance("cus_sim"))!.available).toBe("98.96") // 1.00 + 110.04
      await applyOrder(earnings, lines(1, 1), "999.33")
      // 10 + 100.03 reversed (l2 went down from 110.04: 10.01 given back); the old ledger kept 89.96
      expect((await balance("cus_sim"))!.available).toBe("99.97")
      expect((await reinstatementsOf("cus_sim")).map((p) => String(p.amount))).toEqual(["10.01"])
      expect((await service.reconcile()).ok).toBe(true)
    })

    it("brings a target down to 0, up again, and posts nothing for a repeated target", async () => {
      await service.post([commission("z:1", "cus_z", 100)])
      await service.reverse([toTarget("z:1", 40)])
      expect((await balance("cus_z"))!.available).toBe("60")
      await service.reverse([toTarget("z:1", 0)])
      expect((await balance("cus_z"))!.available).toBe("100")
      // the same event again (same key, same target): nothing
      expect(await service.reverse([toTarget("z:1", 0)])).toEqual([])
      // a target met, left and met again: the per-target key is taken, a fresh one is used
      const [again] = await service.reverse([toTarget("z:1", 40)])
      expect(again.posting.idempotency_key).toBe("z:1:reversed-to:40:2")
      expect((await balance("cus_z"))!.available).toBe("60")
      expect(await service.reverse([toTarget("z:1", 40)])).toEqual([])
      await service.reverse([toTarget("z:1", 0)])
      expect((await balance("cus_z"))!.available).toBe("100")
      expect((await postingsOf("cus_z")).map((p) => p.idempotency_key).sort()).toEqual(
        ["z:1", "z:1:reversed-to:0", "z:1:reversed-to:0:2", "z:1:reversed-to:40", "z:1:reversed-to:40:2"].sort()
      )
      // a target of 0 of an earning never posted, or never reversed, posts nothing
      expect(await service.reverse([toTarget("never-posted", 0)])).toEqual([])
      await service.post([commission("z:2", "cus_z", 5)])
      expect(await service.reverse([toTarget("z:2", 0)])).toEqual([])
      expect((await service.reconcile()).ok).toBe(true)
    })

    it("without reinstate a lower target still posts nothing (reversals only grow)", async () => {
      await service.post([commission("g:1", "cus_g", 100)])
      await service.reverse([{ ...toTarget("g:1", 40), reinstate: undefined }])
      expect(await service.reverse([{ ...toTarget("g:1", 10), reinstate: undefined }])).toEqual([])
      expect((await balance("cus_g"))!.available).toBe("60")
    })

    it("decides concurrent events for different targets under the original's lock", async () => {
      await service.post([commission("c:1", "cus_c", 100)])
      const targets = [30, 0, 70, 30, 0, 100, 55, 0, 70, 30]
      const settled = await Promise.allSettled(targets.map((t) => service.reverse([toTarget("c:1", t)])))
      expect(settled.filter((s) => s.status === "rejected")).toEqual([])
      // each event leaves the original at its own target: the last to commit wins
      const after = Number((await balance("cus_c"))!.available)
      expect(targets.map((t) => 100 - t)).toContain(after)
      // whatever the interleaving, the next event lands exactly on its target
      await service.reverse([toTarget("c:1", 25)])
      expect((await balance("cus_c"))!.available).toBe("75")
      const keys = (await postingsOf("cus_c")).map((p) => p.idempotency_key)
      expect(new Set(keys).size).toBe(keys.length)
      expect((await service.reconcile()).ok).toBe(true)
    })

    it("repays the debt a reversal left before anything becomes spendable again", async () => {
      await service.post([commission("d:1", "cus_d", 100)])
      await service.post([{ ...commission("d:w", "cus_d", 80), from: customer("cus_d"), to: platform("withdrawals") }])
      const parts = await service.reverse([toTarget("d:1", 100)])
      expect(parts.map((p) => String(p.posting.amount))).toEqual(["20", "80"])
      expect((await balance("cus_d", "commission", "debt"))!.posted).toBe("-80")
      // 70 given back: all of it repays debt
      await service.reverse([toTarget("d:1", 30)])
      expect((await balance("cus_d"))!.available).toBe("0")
      expect((await balance("cus_d", "commission", "debt"))!.posted).toBe("-10")
      // the last 30: 10 clears the debt, 20 is spendable (100 earned − 80 withdrawn)
      await service.reverse([toTarget("d:1", 0)])
      expect((await balance("cus_d"))!.available).toBe("20")
      expect((await balance("cus_d", "commission", "debt"))!.posted).toBe("0")
      // and reversing again goes through the same steps
      await service.reverse([toTarget("d:1", 100)])
      expect((await balance("cus_d"))!.available).toBe("0")
      expect((await balance("cus_d", "commission", "debt"))!.posted).toBe("-80")
      expect((await service.reconcile()).ok).toBe(true)
    })

    it("reinstates points as a lot expiring with the original, spendable like any lot", async () => {
      const expires = new Date(Date.now() + 30 * 24 * 3600 * 1000)
      await service.post([earn("p:1", "cus_lots", 100, { expires_at: expires })])
      await service.reverse([toTarget("p:1", 60, { reason: "points.order_refund" })])
      await service.reverse([toTarget("p:1", 20, { reason: "points.order_refund" })])
      expect((await balance("cus_lots", "points"))!.available).toBe("80")
      const [back] = await reinstatementsOf("cus_lots")
      expect([String(back.amount), back.reason]).toEqual(["40", "points.order_refund.reinstated"])
      expect(new Date(back.expires_at).toISOString()).toBe(expires.toISOString())
      // the lots cover the balance: 30 spent, and at the original's expiry the other 50 expire (both lots)
      await service.post([spend("p:spend", "cus_lots", 30)])
      expect(await service.expireLots({ as_of: new Date(expires.getTime() - 1000) })).toBe(0)
      expect(await service.expireLots({ as_of: new Date(expires.getTime() + 1000) })).toBe(2)
      expect((await balance("cus_lots", "points"))!.posted).toBe("0")
      expect((await service.reconcile()).ok).toBe(true)
    })

    it("holds a reinstatement of a pending original and settles it with the original", async () => {
      await service.post([commission("pp:1", "cus_pp", 100, { status: "pending" }), commission("pv:1", "cus_pv", 100, { status: "pending" })])
      for (const who of ["pp", "pv"]) {
        await service.reverse([toTarget(`${who}:1`, 50)])
        await service.reverse([toTarget(`${who}:1`, 20)])
        const b = (await balance(`cus_${who}`))!
        expect([b.posted, b.pending_in]).toEqual(["0", "80"])
      }
      const [back] = await reinstatementsOf("cus_pp")
      expect(back.status).toBe("pending")
      // it cannot post on its own while the original is pending
      await expect(service.settle([{ posting_id: back.id, action: "post" }])).rejects.toThrow(/settles together/)
      await service.settle([{ idempotency_key: "pp:1", action: "post" }, { idempotency_key: "pv:1", action: "void" }])
      let b = (await balance("cus_pp"))!
      expect([b.posted, b.pending_in, b.available]).toEqual(["80", "0", "80"])
      b = (await balance("cus_pv"))!
      expect([b.posted, b.pending_in, b.available]).toEqual(["0", "0", "0"])
      expect((await reinstatementsOf("cus_pp")).map((p) => p.status)).toEqual(["posted"])
      expect((await reinstatementsOf("cus_pv")).map((p) => p.status)).toEqual(["voided"])
      // the posted original continues from its net reversed (20)
      await service.reverse([toTarget("pp:1", 0)])
      expect((await balance("cus_pp"))!.available).toBe("100")
      expect((await service.reconcile()).ok).toBe(true)
    })

    it("counts a reinstatement undone by a compensation as reversed again", async () => {
      await service.post([commission("k:1", "cus_k", 100)])
      await service.reverse([toTarget("k:1", 60)])
      const [back] = await service.reverse([toTarget("k:1", 10)])
      // what reverseLedgerEntriesStep's compensation does with a posted posting it created
      await service.reverse([{ posting_id: back.posting.id, reversal_key: `${back.posting.idempotency_key}:compensation`, reason: "compensation" }])
      expect((await balance("cus_k"))!.available).toBe("40")
      // the compensation is a reversal of the reinstatement, recorded under the event's cause
      const undo = (await postingsOf("cus_k")).find((p) => p.reason === "compensation")
      expect([undo.source_type, undo.reverses_posting_id]).toEqual(["order", back.posting.id])
      // the net reversed is 60 again: a target of 10 gives 50 back once more
      await service.reverse([toTarget("k:1", 10)])
      expect((await balance("cus_k"))!.available).toBe("90")
      expect((await service.reconcile()).ok).toBe(true)
    })
  },
})
