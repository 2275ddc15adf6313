import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { postLedgerEntriesWorkflow, transferToStoreCreditWorkflow } from "@fission/core/workflows"
import { customer, forEachConcurrently, platform } from "@fission/core/utils"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../modules/group-draw"
import { fromMinor, shoppingFundOf, toMinor } from "../../../utils"
import { winnerFundKey } from "./find-pending-winner-funds"

/** Members paid at once: overlaps Node and PostgreSQL work without flooding the pool (10 connections). */
const REWARD_CONCURRENCY = 4

/**
 * Pays a drawn group's rewards (SPEC §4.3), each keyed by its cause so a re-run pays nothing twice:
 * - loser reward and red-envelope share as loyalty store credit
 *   (keys `group_draw:<group>:<member>:loser_reward|red_envelope`);
 * - winner shopping fund posted pending from `platform:shopping_fund` (posted when the won order is
 *   delivered, see release-winner-fund; then membership releases it gradually).
 * No compensation: every payment is its own idempotent workflow; a failure leaves the group
 * `drawn`, and the sweep settles it again.
 */
export const payGroupRewardsStep = createStep(
  "fission-group-draw-pay-rewards",
  async (input: { group_id: string; pay: boolean }, { container }) => {
    if (!input.pay) return new StepResponse({ paid: false })
    const service = container.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
    const [group] = await service.listGroupDrawGroups({ id: input.group_id })
    const [campaign] = await service.listGroupDrawCampaigns({ id: group.campaign_id })
    const members = await service.listGroupDrawMembers({ group_id: group.id }, { order: { seat: "ASC" } })
    const currency_code = campaign.currency_code
    const common = (m: (typeof members)[number]) => ({
      customer_id: m.customer_id,
      currency_code,
      source_type: "group_draw.group",
      source_id: group.id,
    })

    const payMember = async (m: (typeof members)[number]) => {
      const lost = m.status === "lost" || m.status === "refunded"
      if (lost && toMinor(campaign.loser_reward) > 0n) {
        await transferToStoreCreditWorkflow(container).run({
          input: {
            ...common(m),
            asset: "store_credit",
            amount: fromMinor(toMinor(campaign.loser_reward)),
            from: platform("group_draw_rewards"),
            idempotency_key: `group_draw:${group.id}:${m.id}:loser_reward`,
            reason: "group_draw.loser_reward",
          },
        })
      }
      if (m.envelope_share !== null && m.envelope_share !== undefined && toMinor(m.envelope_share) > 0n) {
        await transferToStoreCreditWorkflow(container).run({
          input: {
            ...common(m),
            asset: "store_credit",
            amount: fromMinor(toMinor(m.envelope_share)),
            from: platform("red_envelopes"),
            idempotency_key: `group_draw:${group.id}:${m.id}:red_envelope`,
            reason: "group_draw.red_envelope",
          },
        })
      }
      if (m.status === "won") {
        const fund = shoppingFundOf(toMinor(campaign.price), campaign.winner_shopping_fund_ratio ?? 0)
        if (fund > 0n) {
          await postLedgerEntriesWorkflow(container).run({
            input: {
              entries: [
                {
                  idempotency_key: winnerFundKey({ id: m.id, group_id: group.id }),
                  asset: "shopping_fund",
                  currency_code,
                  amount: fromMinor(fund),
                  from: platform("shopping_fund"),
                  to: customer(m.customer_id),
                  // locked until released gradually (SPEC §6.6)
                  status: "pending",
                  reason: "group_draw.winner_shopping_fund",
                  source_type: "group_draw.group",
                  source_id: group.id,
                },
              ],
            },
          })
        }
      }
    }

    // A customer's own seats stay sequential: their store credit and ledger accounts are created on first use.
    const byCustomer = new Map<string, typeof members>()
    for (const m of members) byCustomer.set(m.customer_id, [...(byCustomer.get(m.customer_id) ?? []), m])
    await forEachConcurrently([...byCustomer.values()], REWARD_CONCURRENCY, async (seats: typeof members) => {
      for (const m of seats) await payMember(m)
    })
    return new StepResponse({ paid: true })
  }
)
