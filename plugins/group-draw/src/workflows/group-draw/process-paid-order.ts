import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  drawGroupDrawGroupWorkflow,
  requestGroupRefundsWorkflow,
  seatGroupDrawOrderWorkflow,
  SettleGroupInput,
  settleGroupDrawGroupWorkflow,
} from "./workflows"

/**
 * A paid order: take its seat; if that filled the group, draw it and apply the outcome.
 * Each workflow is idempotent, so a duplicated event or a retry repeats nothing.
 */
export async function processPaidGroupDrawOrder(container: MedusaContainer, order_id: string) {
  const { result: seated } = await seatGroupDrawOrderWorkflow(container).run({ input: { order_id } })
  for (const seat of seated) {
    if (seat.became_full) await drawAndSettleGroup(container, seat.group_id)
    // the event redelivered after the worker settling this group died: finish now, not at the next sweep
    else if (seat.unsettled) await settleGroup(container, seat.group_id)
  }
  return seated
}

export async function drawAndSettleGroup(container: MedusaContainer, group_id: string) {
  const { result } = await drawGroupDrawGroupWorkflow(container).run({ input: { group_id } })
  if (result.drawn) await settleGroup(container, group_id)
  return result
}

/**
 * Settles a drawn (or failed) group under a per-group lock, so the event path, the sweep
 * job and an admin retry never settle the same group at the same time (every effect is
 * idempotent anyway: refund requests per cause key, rewards per posting key). The refund
 * requests come first in a run of their own: a large group's are then being refunded by the
 * workers while this process pays the rewards.
 */
export async function settleGroup(container: MedusaContainer, group_id: string, options: Omit<SettleGroupInput, "group_id"> = {}) {
  return await container.resolve(Modules.LOCKING).execute(
    `fission:group-draw:settle:${group_id}`,
    async () => {
      await requestGroupRefundsWorkflow(container).run({ input: { group_id } })
      const { result } = await settleGroupDrawGroupWorkflow(container).run({ input: { group_id, ...options } })
      return result
    },
    { timeout: 120 }
  )
}
