import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MedusaError } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../../src/modules/distribution"
import DistributionModuleService from "../../src/modules/distribution/service"

jest.setTimeout(120_000)

const rejectionOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a rejection")
    },
    (e) => e
  )

/**
 * The withdrawal and commission-report SQL the module service owns (moved from the
 * plugin's global-connection helpers): decisions in Postgres, exact sums, and the
 * compensations the workflows rely on.
 */
moduleIntegrationTestRunner<DistributionModuleService>({
  moduleName: DISTRIBUTION_MODULE,
  resolve: path.join(__dirname, "../../src/modules/distribution"),
  pathToMigrations: path.join(__dirname, "../../src/modules/distribution/migrations"),
  testSuite: ({ service }) => {
    // fee 0.3 on every request; net_amount as the workflow computes it (exact decimals)
    const NET: Record<string, string> = { "30": "29.7", "10.10": "9.8", "20.20": "19.9", "0.7": "0.4" }
    const request = (customer_id = "cus_alice", amount = "30", daily_limit = 3) =>
      service.createWithdrawalWithinDailyLimit({
        customer_id,
        amount,
        fee: "0.3",
        net_amount: NET[amount],
        currency_code: "cny",
        method: "alipay",
        account: "alice@alipay",
        daily_limit,
      })

    it("decides the daily limit in Postgres: 8 parallel requests with limit 3 → exactly 3; rejected ones don't count", async () => {
      const results = await Promise.allSettled(Array.from({ length: 8 }, () => request()))
      const made = results.filter((r) => r.status === "fulfilled").map((r: any) => r.value)
      expect(made).toHaveLength(3)
      for (const r of results.filter((r) => r.status === "rejected") as PromiseRejectedResult[]) {
        expect(r.reason).toMatchObject({ type: MedusaError.Types.NOT_ALLOWED, message: "Daily withdrawal limit reached: at most 3 withdrawal requests per day" })
      }
      expect(made[0]).toMatchObject({ customer_id: "cus_alice", status: "requested", amount: "30", fee: "0.3", currency_code: "cny" })
      expect(made[0].id).toMatch(/^wdr_/)
      // the model's reads see the raw twins the SQL wrote
      expect((await service.retrieveWithdrawal(made[0].id)).amount).toBe(30)

      await service.transitionWithdrawal(made[0].id, "reject", { review_reason: "name mismatch", reviewed_by: "user_1", stamp_reviewed_at: true })
      expect((await request()).status).toBe("requested")
      expect(await rejectionOf(request())).toMatchObject({ type: MedusaError.Types.NOT_ALLOWED })
      expect((await request("cus_bob")).customer_id).toBe("cus_bob") // per customer
    })

    it("moves a withdrawal once under concurrency; the losers get NOT_ALLOWED naming the status they found", async () => {
      const { id } = await request()
      const approvals = await Promise.allSettled(Array.from({ length: 5 }, () => service.transitionWithdrawal(id, "approve", { reviewed_by: "user_1", stamp_reviewed_at: true })))
      expect(approvals.filter((r) => r.status === "fulfilled")).toHaveLength(1)
      for (const r of approvals.filter((r) => r.status === "rejected") as PromiseRejectedResult[]) {
        expect(r.reason).toMatchObject({
          type: MedusaError.Types.NOT_ALLOWED,
          message: `Withdrawal ${id} is approved; only requested withdrawals can be approved`,
        })
      }
      const { withdrawal, previous } = await service.transitionWithdrawal(id, "mark_paid", { stamp_paid_at: true })
      expect(previous).toMatchObject({ status: "approved", paid_at: null })
      expect(withdrawal).toMatchObject({ status: "paid", reviewed_by: "user_1" })
      expect(withdrawal.paid_at).toBeTruthy()
      expect(await rejectionOf(service.transitionWithdrawal(id, "mark_paid", {}))).toMatchObject({
        type: MedusaError.Types.NOT_ALLOWED,
        message: `Withdrawal ${id} is paid; only approved withdrawals can be marked paid`,
      })
      expect(await rejectionOf(service.transitionWithdrawal("wdr_missing", "approve", {}))).toMatchObject({ type: MedusaError.Types.NOT_FOUND })

      // the payout provider's reference lands only on a paid withdrawal
      expect(await service.recordWithdrawalReference(id, "ALIPAY-42")).toMatchObject({ id, reference: "ALIPAY-42" })
      const other = await request()
      expect(await service.recordWithdrawalReference(other.id, "X")).toBeUndefined()
    })

    it("compensations: a transition is reverted only from where it left the row; a request is deleted only while requested", async () => {
      const { id } = await request()
      await service.transitionWithdrawal(id, "approve", { reviewed_by: "user_1", stamp_reviewed_at: true })
      const { previous } = await service.transitionWithdrawal(id, "mark_paid", { stamp_paid_at: true })
      // someone moved it on since (here: back to approved by hand): the revert of "→ paid" changes nothing
      await service.updateWithdrawals({ id, status: "approved" })
      await service.revertWithdrawalTransition(previous, "paid")
      expect(await service.retrieveWithdrawal(id)).toMatchObject({ status: "approved" })
      await service.updateWithdrawals({ id, status: "paid" })
      await service.revertWithdrawalTransition(previous, "paid")
      expect(await service.retrieveWithdrawal(id)).toMatchObject({ status: "approved", paid_at: null, reviewed_by: "user_1" })

      await service.deleteRequestedWithdrawal(id) // approved: stays
      expect(await service.listWithdrawals({ id })).toHaveLength(1)
      const fresh = await request()
      await service.deleteRequestedWithdrawal(fresh.id)
      expect(await service.listWithdrawals({ id: fresh.id })).toHaveLength(0)
    })

    it("sums withdrawals per status and commissions per currency and status, exactly", async () => {
      const a = await request("cus_alice", "10.10")
      await request("cus_alice", "20.20")
      await request("cus_bob", "0.7")
      await service.transitionWithdrawal(a.id, "approve", {})
      expect(await service.sumWithdrawals({ customer_id: "cus_alice" })).toEqual([
        { status: "approved", count: 1, amount: "10.10", fee: "0.3", net_amount: "9.8" },
        { status: "requested", count: 1, amount: "20.20", fee: "0.3", net_amount: "19.9" },
      ])
      expect((await service.sumWithdrawals({ status: "requested" })).map((r) => [r.count, r.amount])).toEqual([[2, "20.90"]])

      const commission = (amount: number, extra: Record<string, unknown> = {}) =>
        ({
          order_id: "order_1",
          buyer_id: "cus_c",
          beneficiary_id: "cus_b",
          level: 1,
          base_amount: 899,
          amount,
          currency_code: "cny",
          posting_key: `commission:${Math.random()}`,
          ...extra,
        }) as any
      await service.createCommissions([
        commission(0.1),
        commission(0.2),
        commission(100, { status: "available", reversed_amount: 40 }),
        commission(50, { status: "voided" }),
        commission(7, { currency_code: "usd", beneficiary_id: "cus_a" }),
      ])
      const totals = await service.sumCommissions({ beneficiary_id: "cus_b" })
      expect(totals.count).toBe(4)
      expect(totals.by_currency).toEqual([
        {
          currency_code: "cny",
          count: 4,
          amount: 150.3,
          reversed_amount: 40,
          net_amount: 60.3, // 0.1 + 0.2 exactly, 100 − 40, the voided 50 keeps nothing
          by_status: {
            available: { count: 1, amount: 100, reversed_amount: 40, net_amount: 60 },
            pending: { count: 2, amount: 0.3, reversed_amount: 0, net_amount: 0.3 },
            voided: { count: 1, amount: 50, reversed_amount: 0, net_amount: 0 },
          },
        },
      ])
      expect((await service.sumCommissions({ status: ["pending"], kind: ["sale"] })).by_currency.map((c) => [c.currency_code, c.count])).toEqual([
        ["cny", 2],
        ["usd", 1],
      ])

      const daily = await service.sumCommissionsByDay({}, { days: 3, timezone: "Asia/Shanghai" })
      expect(daily).toMatchObject({ timezone: "Asia/Shanghai", currency_code: "cny" }) // the currency with most records
      expect(daily.days).toHaveLength(3)
      expect(daily.days[2]).toMatchObject({ count: 4, amount: 150.3, net_amount: 60.3 })
      expect(daily.days.slice(0, 2).map((d) => d.count)).toEqual([0, 0])
      expect(await rejectionOf(service.sumCommissionsByDay({}, { days: 3, timezone: "Mars/Olympus" }))).toMatchObject({
        type: MedusaError.Types.INVALID_DATA,
        message: 'timezone: unknown time zone "Mars/Olympus"',
      })
    })
  },
})
