import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { completeRefundedGroupWorkflow, REFUND_SOURCE } from "../workflows/group-draw"

type RefundSucceeded = { id: string; source_type: string; source_id: string; order_id: string }

/**
 * A loser's refund went through (@fission/core's `fission.refund.succeeded`, e.g. after core's
 * sweep retried it): the member becomes refunded, and a `refunding` group whose losers are
 * all refunded completes.
 */
export default async function refundSucceededGroupDraw({ event, container }: SubscriberArgs<RefundSucceeded>) {
  if (event.data?.source_type !== REFUND_SOURCE || !event.data.source_id) return
  await completeRefundedGroupWorkflow(container).run({ input: { group_id: event.data.source_id } })
}

export const config: SubscriberConfig = {
  event: "fission.refund.succeeded",
  context: { subscriberId: "fission-group-draw-refund-succeeded" },
}
