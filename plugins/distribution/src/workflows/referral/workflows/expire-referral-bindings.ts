import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { expireReferralBindingsStep } from "../steps/expire-referral-bindings"

/**
 * Removes bindings whose expiry (binding_expiry_days after the last purchase,
 * or after binding when there was none) has passed, auditing each as an
 * `expire` event. Returns `{ expired }`. Safe to run on several instances.
 */
export const expireReferralBindingsWorkflow = createWorkflow(
  "fission-expire-referral-bindings",
  (input: WorkflowData<{ as_of?: Date | string; batch_size?: number }>) =>
    new WorkflowResponse(expireReferralBindingsStep(input))
)
