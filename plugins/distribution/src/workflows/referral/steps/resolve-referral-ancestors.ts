import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { getReferralAncestors } from "../get-referral-ancestors"

export type ResolveReferralAncestorsInput = { customer_id: string; depth: number; as_of?: Date | string }

/**
 * Workflow step form of `getReferralAncestors`: the customer's live ancestors,
 * nearest first, `[{ customer_id, depth }]`. Read-only (no compensation).
 */
export const resolveReferralAncestorsStep = createStep(
  "fission-resolve-referral-ancestors",
  async (input: ResolveReferralAncestorsInput, { container }) => {
    const as_of = input.as_of ? new Date(input.as_of) : undefined
    return new StepResponse(await getReferralAncestors(container, input.customer_id, input.depth, { as_of }))
  }
)
