import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { executeDrawStep, ExecuteDrawStepInput } from "../steps/execute-draw"

export const executeDrawWorkflowId = "fission-execute-draw"

export type ExecuteDrawWorkflowInput = ExecuteDrawStepInput

/**
 * Runs a committed provably-fair draw (SPEC §0.5) on its frozen public inputs,
 * stores inputs and outcome and reveals the seed. The outcome is
 * `runDraw(kind, seed, inputs)` from `utils/fair-draw` and carries `digest`,
 * sha256 of every ordered public input: tell it to each participant with their
 * result. Anyone can recompute the record from `GET /store/fission/draws/:id`
 * with `npx fission-verify` (`--digest` checks the one a participant was told).
 * Campaign plugins usually prefer the typed client (`drawPick`, `drawSplit`…,
 * ../client.ts), which wraps this with typed params and outcomes.
 *
 * - `inputs.campaign_id` and `inputs.round` are bound to the draw: they
 *   default to its `source_id` and `round` and must equal them if given.
 * - Idempotent: re-running with canonically equal inputs returns the stored
 *   result (`executed: false`); different inputs → DUPLICATE_ERROR (422)
 *   ("draw already executed with different inputs"); invalid inputs →
 *   INVALID_DATA; concurrent runs are serialized by a row lock.
 * - No compensation: a revealed seed cannot be un-revealed (and resetting the
 *   draw would allow redrawing after seeing the result). When used inside a
 *   workflow, run it as the LAST side effect — apply the outcome (credit
 *   winners, create refunds…) in steps that re-read the stored result and are
 *   themselves idempotent.
 *
 * @example
 * // group-draw: pick K = 2 winners among the members, in join order
 * const { draw } = executeDrawWorkflow.runAsStep({
 *   input: {
 *     draw_id: group.draw_id,
 *     inputs: {
 *       participants: members.map((m) => ({ id: m.id, client_seed: m.client_seed })),
 *       params: { k: 2 },
 *     },
 *   },
 * })
 *
 * // or directly
 * const { result } = await executeDrawWorkflow(container).run({
 *   input: { draw_id: "draw_01H…", inputs: { params: { min: 1, max: 100 } } },
 * })
 * result.draw.outcome // { position: 42, digest: "…" }; result.draw.seed is now revealed
 */
export const executeDrawWorkflow = createWorkflow(executeDrawWorkflowId, (input: ExecuteDrawWorkflowInput) => {
  const result = executeDrawStep(input)
  return new WorkflowResponse(result)
})
