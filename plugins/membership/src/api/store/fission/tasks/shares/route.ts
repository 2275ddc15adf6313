import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { generateEntityId } from "@medusajs/framework/utils"
import { requestNow } from "../../../../../utils/clock"
import { applyTaskEventWorkflow } from "../../../../../workflows/tasks"
import { StoreReportShareType } from "../validators"

/**
 * POST /store/fission/tasks/shares `{ channel?, target? }` — the storefront reports a share.
 * → 201 `{ share: { id, channel, target, tasks: [{ task_id, outcome, completion }] } }`; outcome
 * `recorded` (counted), `done_today` / `cap_reached` / `already_completed` (not counted).
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreReportShareType>, res: MedusaResponse) => {
  const id = generateEntityId(undefined, "mshare")
  const { result: tasks } = await applyTaskEventWorkflow(req.scope).run({
    input: { event: "share", customer_id: req.auth_context.actor_id, share_id: id, at: requestNow(req) },
  })
  const { channel = null, target = null } = req.validatedBody
  res.status(201).json({
    share: { id, channel, target, tasks: tasks.map((t) => ({ task_id: t.task_id, outcome: t.outcome, completion: t.completion })) },
  })
}
