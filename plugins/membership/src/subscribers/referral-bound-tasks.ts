import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { onReferralBoundForTasks } from "../lifecycle/tasks"

/** Emitted by @fission/distribution when a customer is bound to a referrer; never fires without it. */
export default async function referralBoundTasks({
  event,
  container,
}: SubscriberArgs<{ customer_id: string; referrer_id: string; source?: string; channel?: string }>) {
  await onReferralBoundForTasks(container, event.data)
}

export const config: SubscriberConfig = {
  event: "fission.referral.bound",
  context: { subscriberId: "fission-membership-tasks-referral-bound" },
}
