import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { applyTeamAwardStep, TeamAwardPosting } from "../steps/apply-team-award"

/** Applies one paid team award under the member's lock (the lock every rebates write of that member takes). */
export const applyTeamAwardWorkflow = createWorkflow(
  "fission-rebates-apply-team-award",
  (input: { posting: TeamAwardPosting }) => {
    const key = transform({ input }, ({ input }) => `fission-rebates:customer:${input.posting.customer_id}`)
    acquireLockStep({ key, timeout: 30, ttl: 120 })
    const result = applyTeamAwardStep(transform({ input }, ({ input }) => input.posting))
    releaseLockStep({ key })
    return new WorkflowResponse(result)
  }
)
