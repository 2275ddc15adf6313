import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sweepTeamAwardReversalsStep, sweepTeamAwardsStep } from "../steps/sweep-team-awards"

/** One sweep of newly paid team awards, then of reversals of their commissions (what the every-minute job runs). */
export const sweepTeamAwardsWorkflow = createWorkflow("fission-rebates-sweep-team-awards", (input: { limit?: number }) => {
  const awards = sweepTeamAwardsStep(input)
  const reversals = sweepTeamAwardReversalsStep(input)
  return new WorkflowResponse({ awards, reversals })
})
