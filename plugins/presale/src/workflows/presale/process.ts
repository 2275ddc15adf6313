import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { FissionOrder } from "@fission/core/utils"
import { PRESALE_MODULE, PresaleModuleService } from "../../modules/presale"
import { levelAt } from "../../utils"
import { CloseAction } from "./steps"
import { closePresaleCampaignWorkflow, drawPresaleFreeOrdersWorkflow, joinPresaleOrderWorkflow, settlePresaleRefundsWorkflow } from "./workflows"

const lockKey = (campaign_id: string) => `fission:presale:campaign:${campaign_id}`

/**
 * Runs the campaign's due work under a per-campaign lock (the Locking Module; every effect is
 * idempotent and decided in Postgres anyway, the lock only avoids duplicate work): draws due
 * free orders, then one refund pass and its hand-over to core. `participant_ids` narrows the
 * pass to new joiners when neither the tier nor the winners changed.
 */
export async function processPresaleCampaign(container: MedusaContainer, campaign_id: string, participant_ids?: string[] | null) {
  return await container.resolve(Modules.LOCKING).execute(
    lockKey(campaign_id),
    async () => {
      const { result: drawn } = await drawPresaleFreeOrdersWorkflow(container).run({ input: { campaign_id } })
      const { result } = await settlePresaleRefundsWorkflow(container).run({
        input: { campaign_id, participant_ids: drawn.length ? null : participant_ids ?? null },
      })
      return { drawn, ...result }
    },
    { timeout: 300 }
  )
}

/**
 * A paid order (core's `fission.order.paid`): number it, then do what the new count makes due.
 * Idempotent end to end, so a redelivered event repeats nothing.
 */
export async function processPaidPresaleOrder(container: MedusaContainer, order: FissionOrder) {
  const { result: joined } = await joinPresaleOrderWorkflow(container).run({ input: { order } })
  if (!joined) return null
  const service = container.resolve<PresaleModuleService>(PRESALE_MODULE)
  const [campaign] = await service.listPresaleCampaigns({ id: joined.campaign_id })
  let only: string[] | null = null
  if (joined.joined && joined.number && campaign) {
    const n = joined.number
    const tierChanged = levelAt({ interval: campaign.step_interval, max_steps: campaign.max_steps }, n) !== levelAt({ interval: campaign.step_interval, max_steps: campaign.max_steps }, n - 1)
    const drawDue = !!campaign.free_interval && n % campaign.free_interval === 0
    if (!tierChanged && !drawDue && !joined.replayed) only = [joined.participant_id!]
  }
  const processed = await processPresaleCampaign(container, joined.campaign_id, only)
  return { joined, ...processed }
}

/** Close or cancel a campaign under its lock, then settle. */
export async function closePresaleCampaign(container: MedusaContainer, campaign_id: string, action: CloseAction, reason?: string | null) {
  return await container.resolve(Modules.LOCKING).execute(
    lockKey(campaign_id),
    async () => {
      const { result } = await closePresaleCampaignWorkflow(container).run({ input: { campaign_id, action, reason } })
      return result
    },
    { timeout: 300 }
  )
}
