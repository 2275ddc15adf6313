import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PRESALE_MODULE, PresaleModuleService } from "../../../modules/presale"

export type CloseAction = "close" | "cancel"

/**
 * Ends a campaign (SPEC §5.1): `close` → `closed` at its final tier, or `failed` when the
 * minimum was not reached; `cancel` → `canceled` (admin). A conditional update on the campaign
 * row, which joins lock too: a capture is either counted before the close or refunded in full
 * as late. Closing a campaign that is already ended is a no-op (the job and an admin may race).
 * No compensation: the refund passes after it are idempotent and retried by the sweep job.
 */
export const closePresaleCampaignStep = createStep(
  "fission-presale-close-campaign",
  async (input: { campaign_id: string; action: CloseAction; reason?: string | null }, { container }) => {
    const service = container.resolve<PresaleModuleService>(PRESALE_MODULE)
    const [campaign] = await service.listPresaleCampaigns({ id: input.campaign_id })
    if (!campaign) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Pre-sale ${input.campaign_id} was not found`)
    if (input.action === "cancel") {
      const ok = await service.transitionCampaign(campaign.id, ["draft", "active"], "canceled", input.reason ?? "canceled by admin", {})
      if (!ok && campaign.status !== "canceled") {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Pre-sale ${campaign.id} is ${campaign.status}; only a draft or active pre-sale can be canceled`)
      }
    } else {
      if (campaign.status === "draft") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Pre-sale ${campaign.id} is a draft; start it or delete it`)
      // the minimum is checked on the row the transition locks, not on the read above
      const min = campaign.min_participants ?? 0
      const failed = await service.transitionCampaign(campaign.id, ["active"], "failed", `minimum of ${min} participants not reached`, {
        below_min: true,
      })
      if (!failed) await service.transitionCampaign(campaign.id, ["active"], "closed", input.reason ?? "ended", {})
    }
    const [after] = await service.listPresaleCampaigns({ id: campaign.id })
    return new StepResponse(after)
  }
)
