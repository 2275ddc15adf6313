import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { commitGroupDrawsStep, seatOrderStep } from "../steps"

/**
 * A paid order takes its seat (SPEC §4.2); groups created for it (race for the last
 * seat, or no group chosen) get their draws committed. Returns the seats, with
 * `became_full` telling the caller to run the draw.
 */
export const seatGroupDrawOrderWorkflow = createWorkflow("fission-group-draw-seat-order", (input: { order_id: string }) => {
  const seated = seatOrderStep(input)
  const ids = transform({ seated }, ({ seated }) => ({ group_ids: seated.map((s) => s.group_id) }))
  commitGroupDrawsStep(ids)
  return new WorkflowResponse(seated)
})
