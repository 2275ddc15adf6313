import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { CommitDrawInput } from "../../../modules/fair-draw/types"
import { commitDrawStep } from "../steps/commit-draw"

export const commitDrawWorkflowId = "fission-commit-draw"

/**
 * Commits a provably-fair draw (SPEC §0.5) when a campaign opens: the server
 * generates a secret seed and publishes `commitment = sha256(seed)`. Call it
 * once per thing to be drawn — `(source_type, source_id, round)` identifies
 * the draw, and calling again returns the same draw and commitment
 * (`created: false`), so it is safe to retry or to call from concurrent
 * requests. The seed is never part of the result.
 *
 * Publish `draw.id` (storefronts link to `GET /store/fission/draws/:id`) and
 * `draw.commitment`. Later run {@link executeDrawWorkflow} with the frozen
 * participant list.
 *
 * On failure of an enclosing workflow the draw is deleted again, but only if
 * this run created it and it has not been executed.
 *
 * @example
 * // in a group-draw workflow, when a group opens
 * const { draw } = commitDrawWorkflow.runAsStep({
 *   input: { kind: "pick", source_type: "group_draw.group", source_id: group.id, round: 0 },
 * })
 *
 * // or directly
 * const { result } = await commitDrawWorkflow(container).run({
 *   input: { kind: "position", source_type: "blind_box.campaign", source_id: "bbc_123" },
 * })
 * result.draw.commitment // "9f86d0…" (64 hex chars), result.draw.seed === null
 */
export const commitDrawWorkflow = createWorkflow(commitDrawWorkflowId, (input: CommitDrawInput) => {
  const result = commitDrawStep(input)
  return new WorkflowResponse(result)
})
