import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fromMinor } from "@fission/core/utils"
import { REBATES_MODULE, RebatesModuleService } from "../../../modules/rebates"

/** Marks the month's run completed with what it paid (the pool history). A replayed run is returned as it is. */
export const completePoolRunStep = createStep(
  "fission-rebates-complete-pool-run",
  async (
    input: {
      claim: { run: any; replayed: boolean; gmv: string; pool_minor: string }
      pool: { holders: number; postings: number; paid_total: string; consumed: number; basis_total: string }
      tiered: { payouts: number; amount: string }
    },
    { container }
  ) => {
    const service = container.resolve<RebatesModuleService>(REBATES_MODULE)
    if (input.claim.replayed) return new StepResponse({ run: input.claim.run, replayed: true, postings: 0 })
    const run = await service.updateRebatePoolRuns({
      id: input.claim.run.id,
      status: "completed",
      gmv: input.claim.gmv as any,
      pool_amount: fromMinor(BigInt(input.claim.pool_minor)) as any,
      paid_amount: input.pool.paid_total as any,
      holders: input.pool.holders,
      total_points: input.pool.basis_total,
      postings: input.pool.postings,
      points_reset: input.pool.consumed,
      tiered_payouts: input.tiered.payouts,
      tiered_amount: input.tiered.amount as any,
      completed_at: new Date(),
      error: null,
    })
    return new StepResponse({ run, replayed: false, postings: input.pool.postings })
  }
)
