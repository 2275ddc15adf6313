import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { processRefundRequestsWorkflow, REFUND_REQUESTED_EVENT } from "../workflows/refund-requests"

/** New refund requests (`fission.refund.requested { ids }`) are attempted at once; the sweep retries the rest. */
export default async function refundRequested({ event, container }: SubscriberArgs<{ ids: string[] }>) {
  const ids = Array.isArray(event.data?.ids) ? event.data.ids : []
  if (ids.length) await processRefundRequestsWorkflow(container).run({ input: { ids } })
}

export const config: SubscriberConfig = {
  event: REFUND_REQUESTED_EVENT,
  context: { subscriberId: "fission-core-refund-requested" },
}
