import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { getPublicDraws } from "@fission/core/workflows"
import { BLIND_BOX_MODULE, BlindBoxModuleService } from "../../../../../../modules/blind-box"
import { openBlindBoxWorkflow, settleBlindBoxOpenWorkflow } from "../../../../../../workflows"
import { spendDay } from "../../../../../../utils"
import { formatCampaign, formatOpen } from "../../../../../utils/format"
import { assertCanPlay } from "../../../../../utils/players"
import { StoreOpenBlindBoxType } from "../../validators"

/**
 * POST /store/fission/blind-boxes/:id/opens `{ idempotency_key? }` — opens the next box, paid from
 * the wallet. 201 with the open (its number, won or lost) and the campaign after it; 400 when
 * nothing can open any more (won, or every open left is being paid for) — nothing charged.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreOpenBlindBoxType>, res: MedusaResponse) => {
  const customer_id = req.auth_context.actor_id
  const service = req.scope.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE)
  const [campaign] = await service.listBlindBoxCampaigns({ id: req.params.id }, { select: ["id", "status", "currency_code", "opens_count", "opens_reserved", "prize_position"] })
  if (!campaign || campaign.status === "initiating" || campaign.status === "failed") {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Blind box with id: ${req.params.id} was not found`)
  }
  if (campaign.status === "won") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `blind box ${campaign.id} was won at open ${campaign.opens_count}; nothing opens after the win`)
  }
  // a cheap early refusal under a burst; the reservation decides again in Postgres
  if (campaign.opens_count + campaign.opens_reserved >= (campaign.prize_position ?? 0)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `every open left in blind box ${campaign.id} is being paid for by someone else; nothing was charged, try again in a moment`
    )
  }
  const { daily_limit_minor } = await assertCanPlay(req.scope, customer_id)
  const { result } = await openBlindBoxWorkflow(req.scope).run({
    input: {
      campaign_id: campaign.id,
      customer_id,
      currency_code: campaign.currency_code,
      idempotency_key: req.validatedBody.idempotency_key ?? null,
      day: spendDay(),
      daily_limit_minor,
    },
  })
  // payouts and, for the win, the draw's reveal: idempotent, retried by the sweep if this fails
  await settleBlindBoxOpenWorkflow(req.scope)
    .run({ input: { open_id: result.open.id } })
    .catch((e: any) => (req.scope.resolve("logger") as any).warn(`blind-box: settling open ${result.open.id} failed (the sweep retries): ${e?.message ?? e}`))
  const [open] = await service.listBlindBoxOpens({ id: result.open.id })
  const [after] = await service.listBlindBoxCampaigns({ id: campaign.id })
  const draws = await getPublicDraws(req.scope, [after.draw_id])
  res.status(result.replayed ? 200 : 201).json({
    open: formatOpen(open),
    blind_box: formatCampaign(after, draws.get(after.draw_id!), { viewer: customer_id }),
    replayed: result.replayed,
  })
}
