import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sweepTeamAwardsStep } from "../steps/sweep-team-awards"

/** One sweep of newly paid team awards (what the every-minute job runs). */
export const sweepTeamAwardsWorkflow = createWorkflow("fission-rebates-sweep-team-awards", (input: { limit?: number }) => {
  return new WorkflowResponse(sweepTeamAwardsStep(input))
})
