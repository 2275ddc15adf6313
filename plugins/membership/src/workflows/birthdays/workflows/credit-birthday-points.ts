import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { postLedgerEntriesStep } from "@fission/core/workflows"
import { BirthdayBatchInput, planBirthdayPointsStep } from "../steps"

/**
 * Birthday points for one batch of members (SPEC §6.2): each gets their
 * level's `birthday_points` as a lot from `platform:points_issued`, key
 * `points:birthday:<customer>:<year>` — a second run the same year posts nothing new.
 */
export const creditBirthdayPointsWorkflow = createWorkflow("fission-membership-credit-birthday-points", (input: BirthdayBatchInput) => {
  const plan = planBirthdayPointsStep(input)
  const posted = postLedgerEntriesStep(transform({ plan }, ({ plan }) => plan.entries))
  return new WorkflowResponse(
    transform({ plan, posted }, ({ plan, posted }) => ({
      last: plan.last,
      count: plan.count,
      credited: (posted as any[]).filter((r) => !r.replayed).length,
    }))
  )
})
