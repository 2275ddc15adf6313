import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { applyTaskEventWorkflow } from "../workflows/tasks"

export default async function customerUpdatedTasks({ event, container }: SubscriberArgs<{ id: string }>) {
  if (event.data?.id) await applyTaskEventWorkflow(container).run({ input: { event: "customer_updated", customer_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "customer.updated",
  context: { subscriberId: "fission-membership-tasks-customer-updated" },
}
