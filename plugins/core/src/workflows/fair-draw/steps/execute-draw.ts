import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { FAIR_DRAW_MODULE } from "../../../modules/fair-draw"
import type FairDrawModuleService from "../../../modules/fair-draw/service"
import type { ExecuteDrawInputs, ExecuteDrawResult } from "../../../modules/fair-draw/types"

export const executeDrawStepId = "fission-execute-draw-step"

export interface ExecuteDrawStepInput {
  draw_id: string
  /** Frozen public inputs; `campaign_id`/`round` default to the draw's source_id/round. */
  inputs: ExecuteDrawInputs
}

/**
 * Executes a committed draw on frozen public inputs, stores the outcome and
 * reveals the seed (idempotent for equal inputs; DUPLICATE_ERROR for different ones).
 *
 * No compensation, on purpose: once the seed is revealed it cannot be
 * un-revealed, and resetting the draw would let someone redraw after seeing
 * the outcome. Make this the LAST side effect of any workflow that uses it;
 * steps after it must not be able to fail in a way that needs the draw undone
 * (apply the outcome in a follow-up workflow that re-reads the stored result).
 *
 * @example
 * const { draw } = executeDrawStep({ draw_id, inputs: { participants, params: { k: 1 } } })
 */
export const executeDrawStep = createStep(
  executeDrawStepId,
  async (input: ExecuteDrawStepInput, { container }) => {
    const service = container.resolve<FairDrawModuleService>(FAIR_DRAW_MODULE)
    const result: ExecuteDrawResult = await service.execute(input.draw_id, input.inputs)
    return new StepResponse(result)
  }
)
