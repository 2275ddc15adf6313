import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { completeRefundedGroupWorkflow, REFUND_SOURCE } from "../workflows/group-draw"

type RefundSucceeded = { id: string; source_type: string; source_id: string; order_id: string }

/**
 * A loser's refund went through (@fission/core's `fission.refund.succeeded`: a large group's
 * fanned-out refunds, or core's sweep retrying one): that order's member becomes refunded,
 * and a `refunding` group whose losers are all refunded completes.
 */
export default async function refundSucceededGroupDraw({ event, container }: SubscriberArgs<RefundSucceeded>) {
  if (event.data?.source_type !== REFUND_SOURCE || !event.data.source_id) return
  await completeRefundedGroupWorkflow(container).run({ input: { group_id: event.data.source_id, order_id: event.data.order_id || undefined } })
}

export const config: SubscriberConfig = {
  event: "fission.refund.succeeded",
  context: { subscriberId: "fission-group-draw-refund-succeeded" },
}
