import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { monthClosePlan } from "../../../utils/month-close-plan"

/**
 * Claims the month's run (unique per month): a completed month is returned as it
 * is (`replayed`) and nothing is paid again; a crashed or failed one is taken over
 * with the settings it was first claimed with.
 *
 * No compensation, on purpose: a run that fails later stays claimed and is marked
 * failed by the caller; the next attempt resumes it (its postings are idempotent).
 */
export const claimPoolRunStep = createStep("fission-rebates-claim-pool-run", async (input: { month: string }, { container }) => {
  const plan = await monthClosePlan(container, input.month)
  const { run, replayed } = await plan.service.claimPoolRun({
    month: input.month,
    currency_code: plan.currency_code,
    pool_mode: plan.settings.pool_mode,
    threshold: Number(plan.settings.pool_threshold),
    payout_destination: plan.settings.payout_destination,
    points_after_close: plan.settings.points_after_close,
  })
  return new StepResponse({
    run,
    replayed,
    gmv: plan.gmv,
    pool_minor: plan.pool_minor.toString(),
    tiered_enabled: !!plan.settings.tiered_enabled,
    tiers: (plan.settings.tiered_tiers as unknown as any[]) ?? [],
  })
})
