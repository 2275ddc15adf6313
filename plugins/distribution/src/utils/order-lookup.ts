import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The buyer and the referral code the storefront put on the cart (`metadata.referral_code`). */
export async function orderReferral(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "customer_id", "metadata"], filters: { id: orderId } })
  const code = (order as any)?.metadata?.referral_code
  return { customer_id: (order as any)?.customer_id as string | undefined, code: typeof code === "string" ? code : null }
}
