import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { giveBlindBoxSeedGiftsWorkflow } from "../workflows"

/** A registered customer gets the seed-user gifts that are left (SPEC §7.1). Thin: starts the workflow. */
export default async function handler({ event, container }: SubscriberArgs<{ id: string }>) {
  await giveBlindBoxSeedGiftsWorkflow(container).run({ input: { customer_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "customer.created",
  context: { subscriberId: "fission-blind-box-customer-created" },
}
