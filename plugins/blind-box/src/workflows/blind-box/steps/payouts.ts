import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { drawPosition, postLedgerEntriesWorkflow, transferToStoreCreditWorkflow } from "@fission/core/workflows"
import { customer, fromMinor, getComplianceSettings, platform, referralDirectory, toMinor } from "@fission/core/utils"
import { MedusaError } from "@medusajs/framework/utils"
import { BLIND_BOX_MODULE, BlindBoxModuleService } from "../../../modules/blind-box"
import { initiationRewardKey, openPayoutKey, prizeDrawInputs } from "../keys"

type Resolver = { resolve<T = any>(key: string): T }

/** A posted commission reward to a referrer (SPEC §7.1 distribution rewards). */
async function payCommission(container: Resolver, to: string, amount: unknown, currency_code: string, key: string, reason: string, source_type: string, source_id: string) {
  if (toMinor(amount) <= 0n) return
  await postLedgerEntriesWorkflow(container as any).run({
    input: {
      entries: [
        {
          idempotency_key: key,
          asset: "commission",
          currency_code,
          amount: fromMinor(toMinor(amount)),
          from: platform("blind_box_rewards"),
          to: customer(to),
          reason,
          source_type,
          source_id,
        },
      ],
    },
  })
}

/**
 * Pays an initiated campaign's distribution rewards (SPEC §7.1): 4 to the initiator's direct
 * referrer and 6 to the team leader (the nearest leader within the commission depth, at most
 * 2 levels, §0.6), as posted commission — only when @fission/distribution keeps a referral
 * tree (core's referral directory), otherwise nothing is owed. Idempotent (keys per campaign
 * and role); `rewards_paid_at` is set after, so the sweep re-runs an interrupted one.
 * No compensation: each posting is its own idempotent workflow.
 */
export const payInitiationRewardsStep = createStep(
  "fission-blind-box-pay-initiation-rewards",
  async ({ campaign_id }: { campaign_id: string }, { container }) => {
    const service = container.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE)
    const [c] = await service.listBlindBoxCampaigns({ id: campaign_id })
    if (!c || c.rewards_paid_at || (c.status !== "open" && c.status !== "won")) return new StepResponse({ paid: false })
    const directory = referralDirectory(container)
    if (directory) {
      const { max_commission_levels } = await getComplianceSettings(container)
      const referrer = await directory.referrerOf(c.initiator_id)
      if (referrer) {
        await payCommission(container, referrer, c.referrer_reward_initiation, c.currency_code, initiationRewardKey(c.id, "referrer"),
          "blind_box.referrer_initiation", "blind_box.campaign", c.id)
      }
      const leader = await directory.teamLeaderOf(c.initiator_id, Math.min(2, max_commission_levels))
      if (leader) {
        await payCommission(container, leader.customer_id, c.leader_reward_initiation, c.currency_code, initiationRewardKey(c.id, "leader"),
          "blind_box.leader_initiation", "blind_box.campaign", c.id)
      }
    }
    await service.markOnce("blind_box_campaign", c.id, "rewards_paid_at")
    return new StepResponse({ paid: true })
  }
)

/**
 * Settles a numbered open (SPEC §7.2): the initiator's share as store credit, the consolation
 * vouchers to a losing opener, 0.5 commission to the opener's direct referrer; on the winning
 * open the prize draw is executed with its committed inputs, which reveals the seed and
 * proves the position (it must equal the number). Every payout is keyed by the open, so a
 * re-run (the sweep) pays nothing twice; `settled_at` marks it done. No compensation.
 */
export const settleOpenStep = createStep(
  "fission-blind-box-settle-open",
  async ({ open_id }: { open_id: string }, { container }) => {
    const service = container.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE)
    const [open] = await service.listBlindBoxOpens({ id: open_id })
    if (!open || open.settled_at || (open.status !== "lost" && open.status !== "won")) return new StepResponse({ settled: false })
    const [c] = await service.listBlindBoxCampaigns({ id: open.campaign_id })
    const source = { source_type: "blind_box.open", source_id: open.id }

    if (toMinor(c.initiator_share) > 0n) {
      await transferToStoreCreditWorkflow(container).run({
        input: {
          customer_id: c.initiator_id,
          currency_code: c.currency_code,
          asset: "store_credit",
          amount: fromMinor(toMinor(c.initiator_share)),
          from: platform("blind_box_opens"),
          idempotency_key: openPayoutKey(open.id, "initiator_share"),
          reason: "blind_box.initiator_share",
          ...source,
        },
      })
    }
    if (open.status === "lost" && toMinor(c.consolation_vouchers) > 0n) {
      await postLedgerEntriesWorkflow(container).run({
        input: {
          entries: [
            {
              idempotency_key: openPayoutKey(open.id, "consolation"),
              asset: "voucher",
              amount: fromMinor(toMinor(c.consolation_vouchers)),
              from: platform("blind_box_vouchers"),
              to: customer(open.customer_id),
              reason: "blind_box.consolation",
              ...source,
            },
          ],
        },
      })
    }
    const directory = referralDirectory(container)
    if (directory && toMinor(c.referrer_reward_open) > 0n) {
      const referrer = await directory.referrerOf(open.customer_id)
      if (referrer) {
        await payCommission(container, referrer, c.referrer_reward_open, c.currency_code, openPayoutKey(open.id, "referrer"),
          "blind_box.referrer_open", source.source_type, source.source_id)
      }
    }
    if (open.status === "won") {
      const { position } = await drawPosition(container, { draw_id: c.draw_id!, ...prizeDrawInputs(c as any) })
      if (position !== Number(open.number)) {
        throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `draw ${c.draw_id} gives ${position}, the prize was won at ${open.number}`)
      }
      await service.markOnce("blind_box_campaign", c.id, "revealed_at")
    }
    await service.markOnce("blind_box_open", open.id, "settled_at")
    return new StepResponse({ settled: true })
  }
)
