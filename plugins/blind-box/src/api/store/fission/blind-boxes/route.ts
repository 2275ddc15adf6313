import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getPublicDraws } from "@fission/core/workflows"
import { initiateBlindBoxWorkflow, settleBlindBoxInitiationWorkflow } from "../../../../workflows"
import { spendDay } from "../../../../utils"
import { formatCampaign } from "../../../utils/format"
import { assertCanPlay } from "../../../utils/players"
import { StoreInitiateBlindBoxType } from "./validators"

/**
 * POST /store/fission/blind-boxes `{ template_id, client_seed?, idempotency_key? }` — initiates a blind box:
 * pays the initiation's cash from the wallet (store credit) and its vouchers from the ledger,
 * atomically, and commits the prize position; the commitment is in the answer.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreInitiateBlindBoxType>, res: MedusaResponse) => {
  const customer_id = req.auth_context.actor_id
  const { daily_limit_minor } = await assertCanPlay(req.scope, customer_id)
  const { result } = await initiateBlindBoxWorkflow(req.scope).run({
    input: {
      template_id: req.validatedBody.template_id,
      initiator_id: customer_id,
      client_seed: req.validatedBody.client_seed ?? null,
      idempotency_key: req.validatedBody.idempotency_key ?? null,
      day: spendDay(),
      daily_limit_minor,
    },
  })
  // referral rewards: idempotent, retried by the sweep if this fails
  await settleBlindBoxInitiationWorkflow(req.scope)
    .run({ input: { campaign_id: result.campaign.id } })
    .catch((e: any) => (req.scope.resolve("logger") as any).warn(`blind-box: settling initiation ${result.campaign.id} failed (the sweep retries): ${e?.message ?? e}`))
  const draws = await getPublicDraws(req.scope, [result.campaign.draw_id])
  res
    .status(result.replayed ? 200 : 201)
    .json({ blind_box: formatCampaign(result.campaign, draws.get(result.campaign.draw_id), { viewer: customer_id }), replayed: result.replayed })
}
