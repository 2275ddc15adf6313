import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setPromoterRankStep } from "../steps/set-promoter-rank"

/** Admin rank override of a promoter (`rank_id: null` returns it to automatic evaluation). */
export const setPromoterRankWorkflow = createWorkflow(
  "fission-set-promoter-rank",
  (input: WorkflowData<{ id: string; rank_id: string | null }>) => new WorkflowResponse(setPromoterRankStep(input))
)
