import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { reverseTieredRebateStep } from "../steps/reverse-tiered-rebate"

/** Reverses a paid tiered rebate in proportion to refunds of its period (SPEC §3.4). */
export const reverseTieredRebateWorkflow = createWorkflow(
  "fission-rebates-reverse-tiered",
  (input: { customer_id: string; period: string }) => new WorkflowResponse(reverseTieredRebateStep(input))
)
