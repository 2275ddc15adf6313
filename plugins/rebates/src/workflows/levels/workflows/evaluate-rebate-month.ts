import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { postLedgerEntriesStep, reverseLedgerEntriesStep } from "@fission/core/workflows"
import { customer, platform } from "@fission/core/utils"
import { planMonthAwardStep, writeMonthAwardStep } from "../steps"
import { releaseFrozenTeamAwardsStep } from "../../team-awards/steps/release-frozen-team-awards"

/**
 * Brings one customer's month to what it is worth now (SPEC §3.1): the highest
 * level reached gets its dividend points once — the first level's award, then
 * top-ups for upgrades — and a refund that takes the customer below a level
 * reverses the excess (§0.4; points already used become debt). Meeting a level
 * also releases team awards frozen for lack of points (§3.2). Serialised per
 * customer by a lock; every ledger call is idempotent, so redelivered events and
 * reruns change nothing.
 */
export const evaluateRebateMonthWorkflow = createWorkflow(
  "fission-rebates-evaluate-month",
  (input: { customer_id: string; month: string }) => {
    const key = transform({ input }, ({ input }) => `fission-rebates:customer:${input.customer_id}`)
    acquireLockStep({ key, timeout: 30, ttl: 120 })
    const plan = planMonthAwardStep(input)
    const written = writeMonthAwardStep(plan)
    postLedgerEntriesStep(
      transform({ written, input }, ({ written, input }) =>
        written.rows.map((r) => ({
          idempotency_key: r.posting_key,
          asset: "dividend_points" as const,
          amount: String(r.amount),
          from: platform("rebates_awards"),
          to: customer(input.customer_id),
          reason: "rebates.level_award",
          source_type: "rebates.month",
          source_id: written.month.id,
        }))
      )
    ).config({ name: "fission-rebates-post-awards" })
    reverseLedgerEntriesStep(
      transform({ written }, ({ written }) =>
        written.rows
          .filter((r) => r.reversed > 0)
          .map((r) => ({
            idempotency_key: r.posting_key,
            reversal_key: `${r.posting_key}:reversed-to:${r.reversed}`,
            to_total: String(r.reversed),
            on_shortfall: "debt" as const,
            reason: "rebates.level_award_reversal",
            source_type: "rebates.month",
            source_id: written.month.id,
          }))
      )
    ).config({ name: "fission-rebates-reverse-awards" })
    const released = releaseFrozenTeamAwardsStep(
      transform({ plan }, ({ plan }) => ({ customer_id: plan.customer_id, month_met: !!plan.level }))
    )
    releaseLockStep({ key })
    return new WorkflowResponse(transform({ plan, released }, ({ plan, released }) => ({ ...plan, released })))
  }
)
