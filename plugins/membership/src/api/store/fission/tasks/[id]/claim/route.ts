import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { requestNow } from "../../../../../../utils/clock"
import { claimMemberTaskWorkflow } from "../../../../../../workflows/tasks"

/**
 * POST /store/fission/tasks/:id/claim → 201 `{ completion }` (reward paid); 404 unknown task; 400 the
 * task is closed, completes by itself, or the profile is incomplete (fields named); 409 nothing to claim.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  try {
    const { result: completion } = await claimMemberTaskWorkflow(req.scope).run({
      input: { task_id: req.params.id, customer_id: req.auth_context.actor_id, at: requestNow(req) },
    })
    res.status(201).json({ completion })
  } catch (e: any) {
    // Medusa's error handler replaces conflict messages with a generic retry hint; say why instead
    if (e?.type !== MedusaError.Types.CONFLICT) throw e
    res.status(409).json({ type: "conflict", code: "nothing_to_claim", message: e.message })
  }
}
