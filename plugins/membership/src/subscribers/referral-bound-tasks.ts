import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { applyTaskEventWorkflow } from "../workflows/tasks"

/** Emitted by @fission/distribution when a customer is bound to a referrer; never fires without it. */
export default async function referralBoundTasks({
  event,
  container,
}: SubscriberArgs<{ customer_id: string; referrer_id: string; source?: string; channel?: string }>) {
  if (!event.data?.customer_id || !event.data?.referrer_id) return
  await applyTaskEventWorkflow(container).run({
    input: { event: "referral_bound", customer_id: event.data.customer_id, referrer_id: event.data.referrer_id },
  })
}

export const config: SubscriberConfig = {
  event: "fission.referral.bound",
  context: { subscriberId: "fission-membership-tasks-referral-bound" },
}
