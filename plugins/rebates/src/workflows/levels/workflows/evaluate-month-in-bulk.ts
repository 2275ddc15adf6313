import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { evaluateMonthInBulkStep } from "../steps/evaluate-month-in-bulk"

/** Evaluates every customer of a month in one set-based pass (run before each month close and by the daily job). */
export const evaluateMonthInBulkWorkflow = createWorkflow(
  "fission-rebates-evaluate-month-in-bulk",
  (input: { month: string }) => new WorkflowResponse(evaluateMonthInBulkStep(input))
)
