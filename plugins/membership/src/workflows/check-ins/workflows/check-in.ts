import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { postLedgerEntriesStep } from "@fission/core/workflows"
import { customer, platform } from "@fission/core/utils"
import { recordCheckInStep } from "../steps"

/**
 * Daily check-in: records the day (one per local day, streak continued from
 * yesterday) and credits base + streak-bonus points as a lot from
 * `platform:points_issued`, keyed `points:check_in:<customer>:<date>`.
 */
export const checkInWorkflow = createWorkflow(
  "fission-membership-check-in",
  (input: { customer_id: string; now: Date | string }) => {
    const recorded = recordCheckInStep(input)
    postLedgerEntriesStep(
      transform({ recorded }, ({ recorded }) =>
        recorded.check_in.points > 0
          ? [
              {
                idempotency_key: `points:check_in:${recorded.check_in.customer_id}:${recorded.check_in.local_date}`,
                asset: "points" as const,
                amount: String(recorded.check_in.points),
                from: platform("points_issued"),
                to: customer(recorded.check_in.customer_id),
                reason: "points.check_in",
                source_type: "check_in",
                source_id: recorded.check_in.id,
                expires_at: recorded.expires_at,
              },
            ]
          : []
      )
    )
    return new WorkflowResponse(transform({ recorded }, ({ recorded }) => recorded.check_in))
  }
)
