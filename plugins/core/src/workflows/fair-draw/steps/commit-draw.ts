import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { FAIR_DRAW_MODULE } from "../../../modules/fair-draw"
import type FairDrawModuleService from "../../../modules/fair-draw/service"
import type { CommitDrawInput, CommitDrawResult } from "../../../modules/fair-draw/types"

export const commitDrawStepId = "fission-commit-draw-step"

/**
 * Commits a fair draw for (source_type, source_id, round): a fresh secret seed
 * and its public commitment, or the existing draw of that source (idempotent).
 * The step output is the public view only — workflow executions may be
 * persisted, and the seed must not be stored anywhere but the draw row.
 *
 * Compensation deletes the draw only if this step created it and it was not
 * executed yet.
 *
 * @example
 * const { draw } = commitDrawStep({ kind: "pick", source_type: "group_draw.group", source_id: group.id })
 */
export const commitDrawStep = createStep(
  commitDrawStepId,
  async (input: CommitDrawInput, { container }) => {
    const service = container.resolve<FairDrawModuleService>(FAIR_DRAW_MODULE)
    const result: CommitDrawResult = await service.commit(input)
    return new StepResponse(result, result.created ? result.draw.id : null)
  },
  async (createdId: string | null | undefined, { container }) => {
    if (!createdId) return
    const service = container.resolve<FairDrawModuleService>(FAIR_DRAW_MODULE)
    await service.discardCommitted(createdId)
  }
)
