import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { FAIR_DRAW_MODULE } from "../../../modules/fair-draw"
import type FairDrawModuleService from "../../../modules/fair-draw/service"
import type { CommitDrawChainInput } from "../../../modules/fair-draw/types"
import { commitDrawChain } from "../client"

export const commitDrawChainStepId = "fission-commit-draw-chain-step"

/**
 * Commits rounds 0..rounds-1 of a source at once as a seed chain (idempotent per
 * source, kind and length). The output is public: the chain head and the draw ids,
 * never a seed — and no per-round commitments, since round r's is round r-1's seed.
 *
 * Compensation deletes the chain only if this step created it and no round was drawn.
 *
 * @example
 * const { chain, rounds } = commitDrawChainStep({ kind: "pick", source_type: "presale.free_order", source_id: presale.id, rounds: 80 })
 */
export const commitDrawChainStep = createStep(
  commitDrawChainStepId,
  async (input: CommitDrawChainInput, { container }) => {
    const result = await commitDrawChain(container, input)
    const undo = result.created ? { source_type: input.source_type, source_id: input.source_id, head: result.chain.head } : null
    return new StepResponse(result, undo)
  },
  async (created: { source_type: string; source_id: string; head: string } | null | undefined, { container }) => {
    if (!created) return
    await container.resolve<FairDrawModuleService>(FAIR_DRAW_MODULE).discardCommittedChain(created)
  }
)
