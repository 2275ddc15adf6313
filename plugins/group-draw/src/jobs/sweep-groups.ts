import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../modules/group-draw"
import { drawAndSettleGroup, settleGroup } from "../workflows/group-draw"

const BATCH = 100

/**
 * Every 5 minutes, under a cluster-wide lock, finishes what events left undone
 * (every action is idempotent):
 * - full groups not drawn yet (a draw that failed after the last seat) are drawn;
 * - drawn groups are settled again (a settlement that broke off: refund requests, rewards);
 * - open groups past their deadline: drawn with the members present when the campaign
 *   allows early draws and at least winners + 1 joined, otherwise failed and everyone
 *   refunded in full (never filled with fake members, SPEC §4.1);
 * - refunding groups, and failed groups with losers left, are brought up to date with their
 *   refund requests (a missed `fission.refund.succeeded`; a loser without a request yet).
 * Failed refunds themselves are retried by @fission/core's refund-request sweep, not here.
 */
export default async function sweepGroupsJob(container: MedusaContainer, context?: { scheduledFor: Date }) {
  const service = container.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
  const logger = container.resolve("logger") as any
  const safely = async (what: string, fn: () => Promise<unknown>) => {
    try {
      await fn()
    } catch (e: any) {
      logger?.warn?.(`group-draw sweep: ${what} failed: ${e?.message ?? e}`)
    }
  }
  const asOf = context?.scheduledFor ?? new Date()
  await container.resolve(Modules.LOCKING).execute("fission:job:group-draw-sweep", async () => {
    const full = await service.listGroupDrawGroups({ status: "full" }, { take: BATCH, select: ["id"] })
    for (const g of full) await safely(`draw ${g.id}`, () => drawAndSettleGroup(container, g.id))

    const drawn = await service.listGroupDrawGroups({ status: "drawn" }, { take: BATCH, select: ["id"] })
    for (const g of drawn) await safely(`settle ${g.id}`, () => settleGroup(container, g.id))

    const expired = await service.listGroupDrawGroups(
      { status: "open", expires_at: { $lte: asOf } },
      { take: BATCH, select: ["id", "campaign_id", "seats_taken", "winners"] }
    )
    for (const g of expired) {
      await safely(`expire ${g.id}`, async () => {
        const [campaign] = await service.listGroupDrawCampaigns({ id: g.campaign_id }, { select: ["allow_early_draw"] })
        if (campaign?.allow_early_draw && g.seats_taken >= g.winners + 1) {
          // closing the group first (same row lock as seat claims) freezes its members
          if (await service.transitionGroup(g.id, ["open"], "full")) await drawAndSettleGroup(container, g.id)
        } else if (await service.failExpiredGroup(g.id, asOf)) {
          await settleGroup(container, g.id)
        }
      })
    }

    // rewards were paid when these groups were first settled: only the refunds are caught up
    const refunding = await service.listGroupDrawGroups({ status: "refunding" }, { take: BATCH, select: ["id"] })
    const losers = await service.listGroupDrawMembers({ status: "lost" }, { take: BATCH, select: ["group_id"] })
    const failedWithLosers = losers.length
      ? await service.listGroupDrawGroups({ id: [...new Set(losers.map((m) => m.group_id))], status: "failed" }, { select: ["id"] })
      : []
    for (const id of new Set([...refunding, ...failedWithLosers].map((g) => g.id))) {
      await safely(`refunds of ${id}`, () => settleGroup(container, id, { pay_rewards: false }))
    }
  })
}

export const config = { name: "fission-group-draw-sweep", schedule: "*/5 * * * *" }
