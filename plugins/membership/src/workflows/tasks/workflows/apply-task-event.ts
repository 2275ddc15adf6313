import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  onCustomerUpdatedForTasks,
  onOrderPaidForTasks,
  onProductReviewedForTasks,
  onReferralBoundForTasks,
  onShareForTasks,
} from "../task-causes"

export type TaskEventInput =
  | { event: "order_paid"; order_id: string }
  | { event: "referral_bound"; customer_id: string; referrer_id: string }
  | { event: "customer_updated"; customer_id: string }
  | { event: "product_reviewed"; customer_id: string; product_id: string }
  | { event: "share"; customer_id: string; share_id: string; at: Date | string }

export type TaskEventResult = { task_id: string; outcome: string; completion: any }[]

/**
 * Runs one completion workflow per task the event counts toward. Each of them is
 * atomic, compensated and keyed by its cause, so this step keeps nothing to undo.
 */
const applyTaskEventStep = createStep("fission-membership-apply-task-event-step", async (input: TaskEventInput, { container }) => {
  let results: TaskEventResult
  switch (input.event) {
    case "order_paid":
      results = await onOrderPaidForTasks(container, input.order_id)
      break
    case "referral_bound":
      results = await onReferralBoundForTasks(container, input)
      break
    case "customer_updated":
      results = await onCustomerUpdatedForTasks(container, input.customer_id)
      break
    case "product_reviewed":
      results = await onProductReviewedForTasks(container, input)
      break
    case "share":
      results = await onShareForTasks(container, { ...input, at: new Date(input.at) })
      break
  }
  return new StepResponse(results)
})

/**
 * An event that may complete member tasks (SPEC §6.4): a paid order, a referral
 * binding, a profile update, a product review, a share report. Returns each
 * task's outcome (`recorded`, `duplicate`, `done_today`, `cap_reached`, …).
 * Running it again for the same event changes nothing.
 */
export const applyTaskEventWorkflow = createWorkflow("fission-membership-apply-task-event", (input: TaskEventInput) =>
  new WorkflowResponse(applyTaskEventStep(input))
)
