import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../modules/distribution"
import { bindReferralCodeWorkflow } from "../workflows/referral"

/**
 * Sign-up with a referral code (SPEC §2.2): the storefront passes the code as
 * `metadata.referral_code` (and `metadata.referral_source: "link"` when it came
 * from a share link) when creating the customer. Binds in bind modes
 * on_register and anytime_until_first_order; a code that cannot bind is logged
 * and ignored — it never breaks the registration. Redelivery finds the customer
 * bound and does nothing.
 */
export default async function customerCreatedBind({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({ entity: "customer", fields: ["id", "metadata"], filters: { id: data.id } })
  const code = (customer?.metadata as Record<string, unknown> | null)?.referral_code
  if (typeof code !== "string" || !code.trim()) return

  const settings = await container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE).retrieveSettings()
  if (settings.bind_mode !== "on_register" && settings.bind_mode !== "anytime_until_first_order") return

  const source = (customer.metadata as Record<string, unknown>).referral_source === "link" ? "link" : "code"
  const { result } = await bindReferralCodeWorkflow(container).run({
    input: { customer_id: customer.id, code, channel: "register", source },
  })
  if (result.skipped_reason) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`referral code at sign-up of ${customer.id} not bound: ${result.skipped_reason}`)
  }
}

export const config: SubscriberConfig = {
  event: "customer.created",
  context: { subscriberId: "fission-distribution-customer-created" },
}
