import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  drawPick,
  DrawPickInput,
  drawPosition,
  DrawPositionInput,
  drawSplit,
  DrawSplitInput,
  drawWeighted,
  DrawWeightedInput,
} from "../client"

// The typed draws of ../client.ts as workflow steps. Like executeDrawStep they have no
// compensation, on purpose: a revealed seed cannot be hidden again, and undoing a draw
// would let someone redraw after seeing the outcome. Make the draw the last side
// effect of its workflow and apply the outcome in steps that re-read it (re-running a
// draw with the same inputs returns the stored outcome).

/** @example const { winners, digest } = drawPickStep({ draw_id, participants, count: 2 }) */
export const drawPickStep = createStep("fission-draw-pick-step", async (input: DrawPickInput, { container }) => {
  return new StepResponse(await drawPick(container, input))
})

/** @example const { position, digest } = drawPositionStep({ draw_id, min: 7, max: 24 }) */
export const drawPositionStep = createStep("fission-draw-position-step", async (input: DrawPositionInput, { container }) => {
  return new StepResponse(await drawPosition(container, input))
})

/** @example const { shares, digest } = drawSplitStep({ draw_id, participants, total: 1000 }) */
export const drawSplitStep = createStep("fission-draw-split-step", async (input: DrawSplitInput, { container }) => {
  return new StepResponse(await drawSplit(container, input))
})

/** @example const { index, digest } = drawWeightedStep({ draw_id, weights: [3, 1] }) */
export const drawWeightedStep = createStep("fission-draw-weighted-step", async (input: DrawWeightedInput, { container }) => {
  return new StepResponse(await drawWeighted(container, input))
})
