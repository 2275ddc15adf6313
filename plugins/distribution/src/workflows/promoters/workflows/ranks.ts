import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { RankInput } from "../../../utils/referral/rank"
import { createDistributionRankStep, deleteDistributionRankStep, updateDistributionRankStep } from "../steps/ranks"

/** Creates a promoter rank (SPEC §2.5) with validated conditions (team counts at most 3 levels deep). */
export const createDistributionRankWorkflow = createWorkflow(
  "fission-create-distribution-rank",
  (input: WorkflowData<RankInput & { name: string }>) => new WorkflowResponse(createDistributionRankStep(input))
)

/** Updates a rank; making it the default clears the flag on the others. */
export const updateDistributionRankWorkflow = createWorkflow(
  "fission-update-distribution-rank",
  (input: WorkflowData<RankInput & { id: string }>) => new WorkflowResponse(updateDistributionRankStep(input))
)

/** Deletes (soft) a rank no promoter holds. */
export const deleteDistributionRankWorkflow = createWorkflow(
  "fission-delete-distribution-rank",
  (input: WorkflowData<{ id: string }>) => new WorkflowResponse(deleteDistributionRankStep(input))
)
