import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { postLedgerEntriesStep } from "@fission/core/workflows"
import { customer, FissionOrder, platform } from "@fission/core/utils"
import { buildOrderEarningStep, createMembershipOrderStep } from "../steps"

/**
 * A paid order (SPEC §6.1, §6.2): credits its points as a lot from
 * `platform:points_issued` (pending while `points_pending_days` runs, released
 * by the job) and its growth from `platform:growth_issued`, keyed
 * `points:order:<id>` / `growth:order:<id>`. Idempotent: the stored record fixes the amounts.
 */
export const recordPaidOrderPointsWorkflow = createWorkflow(
  "fission-membership-record-paid-order",
  (input: { order: FissionOrder }) => {
    const earning = buildOrderEarningStep(input)
    const { record } = createMembershipOrderStep(earning)
    const entries = transform({ record, earning }, ({ record, earning }) => {
      if (!record || !earning) return []
      const entries: any[] = []
      if (record.points > 0) {
        entries.push({
          idempotency_key: record.points_key,
          asset: "points" as const,
          amount: String(record.points),
          from: platform("points_issued"),
          to: customer(record.customer_id),
          status: record.status === "pending" ? ("pending" as const) : ("posted" as const),
          reason: "points.order_paid",
          source_type: "order",
          source_id: record.order_id,
          expires_at: earning.expires_at,
        })
      }
      if (record.growth > 0) {
        entries.push({
          idempotency_key: record.growth_key,
          asset: "growth" as const,
          amount: String(record.growth),
          from: platform("growth_issued"),
          to: customer(record.customer_id),
          reason: "growth.order_paid",
          source_type: "order",
          source_id: record.order_id,
        })
      }
      return entries
    })
    postLedgerEntriesStep(entries)
    return new WorkflowResponse(record)
  }
)
