import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { CommitDrawChainInput } from "../../../modules/fair-draw/types"
import { commitDrawChainStep } from "../steps/commit-draw-chain"

export const commitDrawChainWorkflowId = "fission-commit-draw-chain"

/**
 * Commits a series of provably-fair draws at once (SPEC §0.5, issue 14: pre-sale free
 * orders) as a hash chain of seeds: a random tip s_{n-1}, s_{r-1} = sha256(s_r), and
 * the published `chain.head = sha256(s_0)`. Round r is drawn with seed s_r (commitment
 * sha256(s_r) = s_{r-1}): it verifies as soon as it is drawn (sha256^(r+1)(s_r) = head)
 * while s_{r+1}, a preimage of s_r, stays unpredictable. Rounds must be drawn in order
 * (the module refuses round r before round r-1).
 *
 * Idempotent per (source_type, source_id) with the same kind and length; rounds
 * committed otherwise for the source → DUPLICATE_ERROR (422). Rolled back with the enclosing
 * workflow if it created the chain and nothing was drawn.
 *
 * @example
 * const { result } = await commitDrawChainWorkflow(container).run({
 *   input: { kind: "pick", source_type: "presale.free_order", source_id: "pre_123", rounds: 80 },
 * })
 * result.chain.head      // publish on the campaign page
 * result.rounds[3].draw_id // drawPick(container, { draw_id, participants, count: 1 }) for the 4th free order
 */
export const commitDrawChainWorkflow = createWorkflow(commitDrawChainWorkflowId, (input: CommitDrawChainInput) => {
  return new WorkflowResponse(commitDrawChainStep(input))
})
