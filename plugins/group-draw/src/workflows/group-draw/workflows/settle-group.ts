import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { settleGroupStep } from "../steps"

/** Refunds losers, pays rewards, red envelopes and the winner shopping fund of a drawn group; safe to re-run. */
export const settleGroupDrawGroupWorkflow = createWorkflow(
  "fission-group-draw-settle-group",
  (input: { group_id: string }) => new WorkflowResponse(settleGroupStep(input))
)
