import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { postLedgerEntriesStep } from "@fission/core/workflows"
import { customer, platform } from "@fission/core/utils"
import { MakeupCheckInInput, recordMakeupCheckInStep } from "../steps"

/** Idempotency key of a make-up's cost: one make-up per customer and day. */
export const makeupCostKey = (customer_id: string, date: string) => `points:makeup_check_in:${customer_id}:${date}`

/**
 * Make-up check-in (SPEC §6.3): records the missed day (streak continuity
 * restored for the days after it), debits `makeup_checkin_cost` points
 * (`customer → platform:points_redeemed`, never below zero: the ledger's
 * conditional debit decides) and credits the day's base points as a lot under
 * the same key a normal check-in of that day would use. The debit is posted
 * first in one atomic batch, so the day's own points cannot pay for it; if it
 * fails the recorded day is removed again.
 */
export const makeupCheckInWorkflow = createWorkflow("fission-membership-makeup-check-in", (input: MakeupCheckInInput) => {
  const recorded = recordMakeupCheckInStep(input)
  postLedgerEntriesStep(
    transform({ recorded }, ({ recorded }) => {
      const { check_in, cost, expires_at } = recorded
      const entries: any[] = []
      if (cost > 0) {
        entries.push({
          idempotency_key: makeupCostKey(check_in.customer_id, check_in.local_date),
          asset: "points" as const,
          amount: String(cost),
          from: customer(check_in.customer_id),
          to: platform("points_redeemed"),
          reason: "points.makeup_check_in",
          source_type: "check_in",
          source_id: check_in.id,
        })
      }
      if (Number(check_in.points) > 0) {
        entries.push({
          idempotency_key: `points:check_in:${check_in.customer_id}:${check_in.local_date}`,
          asset: "points" as const,
          amount: String(check_in.points),
          from: platform("points_issued"),
          to: customer(check_in.customer_id),
          reason: "points.check_in",
          source_type: "check_in",
          source_id: check_in.id,
          expires_at,
        })
      }
      return entries
    })
  )
  return new WorkflowResponse(transform({ recorded }, ({ recorded }) => ({ ...recorded.check_in, cost: recorded.cost })))
})
