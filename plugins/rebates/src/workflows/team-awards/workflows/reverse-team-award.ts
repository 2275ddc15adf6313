import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { reverseTeamAwardStep } from "../steps/reverse-team-award"

/** Follows one reversal of a team award's commission under the member's lock (the lock every rebates write of that member takes). */
export const reverseTeamAwardWorkflow = createWorkflow(
  "fission-rebates-reverse-team-award",
  (input: { customer_id: string; posting_id: string; reversed_total: string }) => {
    const key = transform({ input }, ({ input }) => `fission-rebates:customer:${input.customer_id}`)
    acquireLockStep({ key, timeout: 30, ttl: 120 })
    const result = reverseTeamAwardStep(transform({ input }, ({ input }) => ({ posting_id: input.posting_id, reversed_total: input.reversed_total })))
    releaseLockStep({ key })
    return new WorkflowResponse(result)
  }
)
