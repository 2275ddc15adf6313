import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../modules/group-draw"
import { drawAndSettleGroup, settleGroup } from "../workflows/group-draw"

const BATCH = 100

/**
 * Every 5 minutes, under a cluster-wide lock, finishes what events left undone
 * (every action is idempotent):
 * - full groups not drawn yet (a draw that failed after the last seat) are drawn;
 * - drawn/refunding groups are settled again (failed loser refunds are retried);
 * - open groups past their deadline: drawn with the members present when the campaign
 *   allows early draws and at least winners + 1 joined, otherwise failed and everyone
 *   refunded in full (never filled with fake members, SPEC §4.1);
 * - failed groups with refunds still pending or failed are retried.
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

    const drawn = await service.listGroupDrawGroups({ status: ["drawn", "refunding"] }, { take: BATCH, select: ["id"] })
    for (const g of drawn) {
      await safely(`settle ${g.id}`, () => settleGroup(container, g.id))
    }

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

    const unrefunded = await service.listGroupDrawMembers(
      { refund_status: ["pending", "failed"] },
      { take: BATCH, select: ["group_id"] }
    )
    for (const group_id of new Set(unrefunded.map((m) => m.group_id))) {
      await safely(`refund ${group_id}`, () => settleGroup(container, group_id))
    }
  })
}

export const config = { name: "fission-group-draw-sweep", schedule: "*/5 * * * *" }
