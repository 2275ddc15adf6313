import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { onCustomerUpdatedForTasks } from "../lifecycle/tasks"

export default async function customerUpdatedTasks({ event, container }: SubscriberArgs<{ id: string }>) {
  if (event.data?.id) await onCustomerUpdatedForTasks(container, event.data.id)
}

export const config: SubscriberConfig = {
  event: "customer.updated",
  context: { subscriberId: "fission-membership-tasks-customer-updated" },
}
