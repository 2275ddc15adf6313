import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { grantOrderPaidCouponsStep } from "../steps"

/** Grants the after-payment coupons of a paid order (idempotent per order and rule). */
export const grantOrderPaidCouponsWorkflow = createWorkflow(
  "fission-membership-grant-order-paid-coupons",
  (input: { order_id: string; customer_id: string; merchandise_total: string }) => new WorkflowResponse(grantOrderPaidCouponsStep(input))
)
