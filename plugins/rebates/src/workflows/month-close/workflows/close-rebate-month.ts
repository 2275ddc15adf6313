import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { claimPoolRunStep, completePoolRunStep, payPoolStep, payTieredRebatesStep } from "../steps"

/**
 * Closes a month (SPEC §3.3, §3.4): claims the month's run, pays the dividend pool
 * to every holder above the threshold pro rata (one set-based ledger run), pays the
 * classic tiered rebates, and records the run. Idempotent per month: a second close
 * returns the completed run and pays nothing; a crashed one resumes. Run it through
 * `closeRebateMonth` (close-month.ts), which serialises the closes of a month.
 */
export const closeRebateMonthWorkflow = createWorkflow("fission-rebates-close-month", (input: { month: string }) => {
  const claim = claimPoolRunStep(input)
  const pool = payPoolStep(claim)
  const tiered = payTieredRebatesStep(claim)
  const done = completePoolRunStep(transform({ claim, pool, tiered }, (x) => x))
  return new WorkflowResponse(done)
})
