import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { postLedgerEntriesWorkflow, transferToStoreCreditWorkflow } from "@fission/core/workflows"
import { customer, platform } from "@fission/core/utils"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../modules/group-draw"
import { forEachConcurrently, fromMinor, shoppingFundOf, toMinor } from "../../../utils"
import { winnerFundKey } from "./find-pending-winner-funds"

/** Members settled at once: overlaps Node and PostgreSQL work without flooding the pool (10 connections). */
const SETTLE_CONCURRENCY = 4

export type SettleGroupResult = { group_id: string; status: string; refund_failures: number }

async function orderStatus(container: any, order_id: string): Promise<string | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "status"], filters: { id: order_id } })
  return (order as any)?.status
}

/**
 * Applies a drawn group's outcome (SPEC §4.3), each effect idempotent so the step can be
 * re-run by the retry job until everything is done:
 * - losers' orders are canceled with Medusa's cancelOrderWorkflow, which refunds the
 *   captured payment in full (or voids an authorized one); a failure is recorded on the
 *   member (`refund_status = failed`, attempts, error) and the group stays `refunding`;
 * - loser reward and red-envelope share paid as loyalty store credit
 *   (keys `group_draw:<group>:<member>:loser_reward|red_envelope`);
 * - winner shopping fund posted pending from `platform:shopping_fund` (posted when the won order is
 *   delivered, see release-winner-fund; then membership releases it gradually).
 */
export const settleGroupStep = createStep(
  "fission-group-draw-settle-group",
  async (input: { group_id: string }, { container }) => {
    const service = container.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
    const [group] = await service.listGroupDrawGroups({ id: input.group_id })
    if (!group || !["drawn", "refunding", "failed"].includes(group.status)) {
      return new StepResponse<SettleGroupResult>({ group_id: input.group_id, status: group?.status ?? "missing", refund_failures: 0 })
    }
    const [campaign] = await service.listGroupDrawCampaigns({ id: group.campaign_id })
    const members = await service.listGroupDrawMembers({ group_id: group.id }, { order: { seat: "ASC" } })
    const currency_code = campaign.currency_code
    // a failed group (expired before it filled) only refunds: nobody won or lost a draw
    const rewards = group.status !== "failed"
    let failures = 0

    // Members are settled SETTLE_CONCURRENCY at a time (each loser's cancel + refund is a
    // separate Medusa workflow; one after another, 499 losers took ~90 s, see
    // bench/README.md). A customer's own seats stay sequential: their store credit and
    // ledger accounts are created on first use.
    const byCustomer = new Map<string, typeof members>()
    for (const m of members) byCustomer.set(m.customer_id, [...(byCustomer.get(m.customer_id) ?? []), m])
    await forEachConcurrently([...byCustomer.values()], SETTLE_CONCURRENCY, async (seats) => {
      for (const m of seats) await settleMember(m)
    })

    async function settleMember(m: (typeof members)[number]) {
      const lost = m.status === "lost" || m.status === "refunded"
      if (m.status === "lost" && m.refund_status !== "refunded") {
        try {
          if ((await orderStatus(container, m.order_id)) !== "canceled") {
            await cancelOrderWorkflow(container).run({ input: { order_id: m.order_id } })
          }
          await service.updateGroupDrawMembers({ id: m.id, status: "refunded", refund_status: "refunded", refund_error: null })
        } catch (e: any) {
          failures++
          await service.updateGroupDrawMembers({
            id: m.id,
            refund_status: "failed",
            refund_attempts: (m.refund_attempts ?? 0) + 1,
            refund_error: String(e?.message ?? e).slice(0, 500),
          })
        }
      }

      if (!rewards) return
      const common = { customer_id: m.customer_id, currency_code, source_type: "group_draw.group", source_id: group.id }
      if (lost && toMinor(campaign.loser_reward) > 0n) {
        await transferToStoreCreditWorkflow(container).run({
          input: {
            ...common,
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
            ...common,
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

    if (!rewards) {
      // stays failed; the sweep job retries members whose refund failed
    } else if (failures) {
      await service.transitionGroup(group.id, ["drawn"], "refunding")
    } else {
      await service.transitionGroup(group.id, ["drawn", "refunding"], "completed", { completed_at: true })
    }
    const [after] = await service.listGroupDrawGroups({ id: group.id })
    return new StepResponse<SettleGroupResult>({ group_id: group.id, status: after.status, refund_failures: failures })
  }
)
