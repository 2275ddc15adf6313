import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { commitGroupDrawsStep, seatOrderStep } from "../steps"

/**
 * A paid order takes its seat (SPEC §4.2); groups created for it (race for the last
 * seat, or no group chosen) get their draws committed. Returns the seats, with
 * `became_full` telling the caller to run the draw.
 */
export const MEMBER_JOINED_EVENT = "group_draw.member.joined"

export const seatGroupDrawOrderWorkflow = createWorkflow("fission-group-draw-seat-order", (input: { order_id: string }) => {
  const seated = seatOrderStep(input)
  const ids = transform({ seated }, ({ seated }) => ({ group_ids: seated.map((s) => s.group_id) }))
  commitGroupDrawsStep(ids)
  // one event per new seat: the notification subscriber tells the shopper (joined / group full)
  emitEventStep({
    eventName: MEMBER_JOINED_EVENT,
    data: transform({ seated }, ({ seated }) =>
      seated.filter((s) => !s.replayed).map((s) => ({ member_id: s.member_id, group_id: s.group_id, became_full: s.became_full }))
    ),
  })
  return new WorkflowResponse(seated)
})
