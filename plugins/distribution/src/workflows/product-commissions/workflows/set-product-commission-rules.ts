import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SetProductCommissionRulesInput, setProductCommissionRulesStep } from "../steps/set-product-commission-rules"

/**
 * Sets a product's commission rules (SPEC §2.4, the product-page widget): the
 * product-level rule and per-variant rules, each `rate` | `fixed` | `excluded`
 * or removed (back to the store default). Rules must already be validated
 * (utils/product-commission). Upsert: saving the same rule twice changes nothing.
 */
export const setProductCommissionRulesWorkflow = createWorkflow(
  "fission-set-product-commission-rules",
  (input: WorkflowData<SetProductCommissionRulesInput>) => new WorkflowResponse(setProductCommissionRulesStep(input))
)
