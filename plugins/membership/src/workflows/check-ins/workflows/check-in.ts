import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { postLedgerEntriesStep } from "@fission/core/workflows"
import { customer, platform } from "@fission/core/utils"
import { checkInOutcomeStep, recordCheckInStep } from "../steps"

/**
 * Daily check-in: records the day (one per local day, streak continued from
 * yesterday) and credits base + streak-bonus points as a lot from
 * `platform:points_issued`, keyed `points:check_in:<customer>:<date>`. A retry of a
 * check-in that broke off between the two completes it (see `recordCheckInStep`).
 */
export const checkInWorkflow = createWorkflow(
  "fission-membership-check-in",
  (input: { customer_id: string; now: Date | string }) => {
    // one check-in of a customer at a time: a second one sees the first finished (its points
    // credited: 422) or broken off (it completes it), never one still running
    const key = transform({ input }, ({ input }) => `fission-membership:check-in:${input.customer_id}`)
    acquireLockStep({ key, timeout: 15, ttl: 30 })
    const recorded = recordCheckInStep(input)
    const posted = postLedgerEntriesStep(
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
    const check_in = checkInOutcomeStep(
      transform({ recorded, posted }, ({ recorded, posted }) => ({ check_in: recorded.check_in, existing: recorded.existing, posted }))
    )
    releaseLockStep({ key })
    return new WorkflowResponse(check_in)
  }
)
