import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sweepBlindBoxesStep } from "../steps/sweep"

/** One sweep pass (the `fission-blind-box-sweep` job runs it every minute). */
export const sweepBlindBoxesWorkflow = createWorkflow("fission-blind-box-sweep", (input: { as_of: Date | string }) => new WorkflowResponse(sweepBlindBoxesStep(input)))
