import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordReferralPurchaseStep } from "../steps/record-referral-purchase"

/**
 * Call when a bound customer's order is paid: restarts the binding's expiry
 * clock (SPEC §2.2, "N days of no purchase"). No-op for unbound customers,
 * when bindings never expire, or when the binding has already expired.
 */
export const recordReferralPurchaseWorkflow = createWorkflow(
  "fission-record-referral-purchase",
  (input: WorkflowData<{ customer_id: string; purchased_at?: Date | string }>) =>
    new WorkflowResponse(recordReferralPurchaseStep(input))
)
