import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { drawGroupStep } from "../steps"

export const GROUP_DRAWN_EVENT = "group_draw.group.drawn"

/**
 * Draws a full group (SPEC §4.3): executes its fair draws and records winners, losers and
 * red-envelope shares, then emits `group_draw.group.drawn` { id, winners, losers, digest }
 * (customer ids; the digest of the draw's public inputs) for notifications. An expired group of a campaign with
 * `allow_early_draw` is closed (status full) by the sweep job and drawn the same way.
 */
export const drawGroupDrawGroupWorkflow = createWorkflow(
  "fission-group-draw-draw-group",
  (input: { group_id: string }) => {
    const result = drawGroupStep(input)
    when("fission-group-drawn", { result }, ({ result }) => result.drawn).then(() => {
      const data = transform({ result }, ({ result }) => ({
        id: result.group_id,
        winners: result.winners,
        losers: result.losers,
        digest: result.digest,
      }))
      emitEventStep({ eventName: GROUP_DRAWN_EVENT, data })
    })
    return new WorkflowResponse(result)
  }
)
