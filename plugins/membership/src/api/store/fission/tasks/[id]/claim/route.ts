import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requestNow } from "../../../../../../utils/clock"
import { claimMemberTaskWorkflow } from "../../../../../../workflows/tasks"

/**
 * POST /store/fission/tasks/:id/claim → 201 `{ completion }` (reward paid); 404 unknown task; 400 the
 * task is closed, completes by itself, or the profile is incomplete (fields named); 400 `nothing_to_claim`
 * (claimed already, or nothing done yet).
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result: completion } = await claimMemberTaskWorkflow(req.scope).run({
    input: { task_id: req.params.id, customer_id: req.auth_context.actor_id, at: requestNow(req) },
  })
  res.status(201).json({ completion })
}
