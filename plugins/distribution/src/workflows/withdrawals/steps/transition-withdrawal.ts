import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WithdrawalAction, WITHDRAWAL_TRANSITIONS } from "../../../utils/withdrawals"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"
import type { TransitionFields } from "../../../modules/distribution/withdrawal-rows"

export type TransitionWithdrawalStepInput = { id: string; action: WithdrawalAction } & TransitionFields

/**
 * Moves a withdrawal to the action's next status only from an allowed one, under
 * a row lock (double clicks and concurrent admins apply once; the loser gets a 400 not_allowed
 * naming the status it found). Compensation restores the previous row.
 */
export const transitionWithdrawalStep = createStep(
  "fission-distribution-transition-withdrawal",
  async ({ id, action, ...fields }: TransitionWithdrawalStepInput, { container }) => {
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const { withdrawal, previous } = await service.transitionWithdrawal(id, action, fields)
    return new StepResponse(withdrawal, { previous, to: WITHDRAWAL_TRANSITIONS[action].to })
  },
  async (undo, { container }) => {
    if (undo) await container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE).revertWithdrawalTransition(undo.previous, undo.to)
  }
)
