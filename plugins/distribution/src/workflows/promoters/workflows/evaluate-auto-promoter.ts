import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { EvaluateAutoPromoterInput, evaluateAutoPromoterStep } from "../steps/evaluate-auto-promoter"

/**
 * promoter_mode `auto_after_spend` (SPEC §2.3): makes the customer an active
 * promoter once their lifetime paid spend reaches the threshold (default 899).
 * Returns `{ promoter, promoted }` (`promoted` = created now); a no-op in other
 * modes or below the threshold. Idempotent: call it after every paid order.
 *
 * @example
 * await evaluateAutoPromoterWorkflow(container).run({ input: { customer_id, lifetime_paid_spend: "899" } })
 */
export const evaluateAutoPromoterWorkflow = createWorkflow(
  "fission-evaluate-auto-promoter",
  (input: WorkflowData<EvaluateAutoPromoterInput>) => new WorkflowResponse(evaluateAutoPromoterStep(input))
)
