import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PRESALE_MODULE, PresaleModuleService } from "../modules/presale"
import { REFUND_SOURCE } from "../workflows/presale"

type RefundOutcome = { id: string; cause_key: string; source_type: string; refunded_amount?: unknown; amount?: unknown }

/** Core's refund request for a pre-sale refund succeeded or gave up: the refund row and the participant's total follow. */
export default async function refundOutcomePresale({ event, container }: SubscriberArgs<RefundOutcome>) {
  if (event.data?.source_type !== REFUND_SOURCE || !event.data.cause_key) return
  const succeeded = event.name === "fission.refund.succeeded"
  const amount = event.data.refunded_amount ?? null
  await container.resolve<PresaleModuleService>(PRESALE_MODULE).recordRefundOutcome({
    cause_key: event.data.cause_key,
    request_id: event.data.id,
    succeeded,
    refunded_amount: succeeded && amount != null ? String(amount) : null,
  })
}

export const config: SubscriberConfig = {
  event: ["fission.refund.succeeded", "fission.refund.failed"],
  context: { subscriberId: "fission-presale-refund-outcome" },
}
