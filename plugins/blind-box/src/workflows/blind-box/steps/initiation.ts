import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { commitDraw, payFromWalletWorkflow, postLedgerEntriesWorkflow, refundWalletPaymentWorkflow, reverseLedgerEntriesWorkflow, sealedDrawPosition } from "@fission/core/workflows"
import { FAIR_DRAW_MODULE } from "@fission/core/modules/fair-draw"
import { customer, fromMinor, platform, toMinor } from "@fission/core/utils"
import { BLIND_BOX_MODULE, BlindBoxModuleService } from "../../../modules/blind-box"
import { prizeRange } from "../../../utils"
import { StartInitiationInput } from "../../../modules/blind-box/initiations"
import { initiationVoucherKey, prizeDrawInputs } from "../keys"

type Campaign = Record<string, any> & { id: string; initiator_id: string; no_win_opens: number; boxes: number }

/** Records the initiation (terms copied, template frozen, daily spend counted). Compensation: the campaign is `failed`. */
export const startInitiationStep = createStep(
  "fission-blind-box-start-initiation",
  async (input: StartInitiationInput, { container }) => {
    const service = container.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE)
    const result = await service.startInitiation(input)
    return new StepResponse(result, result.replayed ? null : result.campaign.id)
  },
  async (campaignId, { container }) => {
    if (!campaignId) return
    await container.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE).failInitiation(campaignId, "the initiation could not be completed")
  }
)

/**
 * Commits the prize draw (SPEC §0.5) and learns its outcome without revealing it: the
 * position is a function of the secret seed and inputs fixed now (campaign id, round 0, the
 * initiator and their client seed, the bounds no-win + 1 … boxes). Compensation: the
 * undrawn commitment is discarded.
 */
export const commitPrizeDrawStep = createStep(
  "fission-blind-box-commit-prize-draw",
  async ({ campaign, replayed }: { campaign: Campaign; replayed: boolean }, { container }) => {
    if (replayed) return new StepResponse({ draw_id: campaign.draw_id, commitment: campaign.commitment, position: campaign.prize_position }, null)
    const { draw_id, commitment, created } = await commitDraw(container, {
      kind: "position",
      source_type: "blind_box.campaign",
      source_id: campaign.id,
    })
    const { position } = await sealedDrawPosition(container, { draw_id, ...prizeDrawInputs(campaign) })
    const { min, max } = prizeRange(campaign as any)
    if (position < min || position > max) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `prize position ${position} outside ${min}..${max}`)
    }
    return new StepResponse({ draw_id, commitment, position }, created ? draw_id : null)
  },
  async (drawId, { container }) => {
    if (drawId) await (container.resolve(FAIR_DRAW_MODULE) as any).discardCommitted(drawId)
  }
)

/** Takes the initiation's vouchers from the initiator's ledger account (never below 0). Compensation: reversed in full. */
export const debitInitiationVouchersStep = createStep(
  "fission-blind-box-debit-initiation-vouchers",
  async ({ campaign, replayed }: { campaign: Campaign; replayed: boolean }, { container }) => {
    const amount = toMinor(campaign.initiation_vouchers)
    if (replayed || amount <= 0n) return new StepResponse(null, null)
    const key = initiationVoucherKey(campaign.id)
    try {
      await postLedgerEntriesWorkflow(container).run({
        input: {
          entries: [
            {
              idempotency_key: key,
              asset: "voucher",
              amount: fromMinor(amount),
              from: customer(campaign.initiator_id),
              to: platform("blind_box_vouchers"),
              reason: "blind_box.initiation",
              source_type: "blind_box.campaign",
              source_id: campaign.id,
            },
          ],
        },
      })
    } catch (e: any) {
      if (/insufficient|below zero|not cover|overdraw/i.test(String(e?.message))) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `insufficient vouchers: initiating costs ${fromMinor(amount)} vouchers besides ${campaign.initiation_cash} in cash; nothing was charged`
        )
      }
      throw e
    }
    return new StepResponse(key, key)
  },
  async (key, { container }) => {
    if (!key) return
    await reverseLedgerEntriesWorkflow(container).run({
      input: { entries: [{ idempotency_key: key, reversal_key: `${key}:compensation` }] },
    })
  }
)

/** Pays the cash part from the wallet (core's wallet payment, idempotent per campaign). Compensation: refunded in full. */
export const payInitiationCashStep = createStep(
  "fission-blind-box-pay-initiation-cash",
  async ({ campaign, replayed }: { campaign: Campaign; replayed: boolean }, { container }) => {
    if (replayed) return new StepResponse(campaign.initiation_payment_id ?? null, null)
    if (toMinor(campaign.initiation_cash) <= 0n) return new StepResponse(null, null)
    const { result } = await payFromWalletWorkflow(container).run({
      input: {
        customer_id: campaign.initiator_id,
        currency_code: campaign.currency_code,
        amount: fromMinor(toMinor(campaign.initiation_cash)),
        idempotency_key: `blind_box:${campaign.id}:initiation`,
        source_type: "blind_box.campaign",
        source_id: campaign.id,
        note: "blind-box initiation",
      },
    })
    return new StepResponse(result.wallet_payment.id as string, result.wallet_payment.id as string)
  },
  async (paymentId, { container }) => {
    if (!paymentId) return
    await refundWalletPaymentWorkflow(container).run({
      input: { wallet_payment_id: paymentId, idempotency_key: `${paymentId}:compensation`, reason: "blind_box.initiation_failed" },
    })
  }
)

/** The campaign opens with its commitment published and the position sealed. No compensation: the last step. */
export const activateCampaignStep = createStep(
  "fission-blind-box-activate-campaign",
  async (
    input: { campaign: Campaign; replayed: boolean; draw: { draw_id: string; commitment: string; position: number }; payment_id: string | null },
    { container }
  ) => {
    const service = container.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE)
    if (input.replayed) {
      const [now] = await service.listBlindBoxCampaigns({ id: input.campaign.id })
      return new StepResponse(now)
    }
    const campaign = await service.activateCampaign({
      campaign_id: input.campaign.id,
      draw_id: input.draw.draw_id,
      commitment: input.draw.commitment,
      prize_position: input.draw.position,
      initiation_payment_id: input.payment_id,
    })
    return new StepResponse(campaign)
  }
)
