import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"

type Resolver = Pick<MedusaContainer, "resolve">

/**
 * Admin accounts cannot join campaigns (SPEC §0.5): a customer whose email is an
 * admin user's is refused, so the operator cannot buy the last seat of a draw
 * under its own admin login.
 */
export async function assertNotAdmin(container: Resolver, customer_id: string | null | undefined, email?: string | null) {
  let address = email ?? null
  if (!address && customer_id) {
    const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: customer_id }, { select: ["email"] })
    address = customer?.email ?? null
  }
  if (!address) return
  const users = await container.resolve(Modules.USER).listUsers({ email: address }, { select: ["id"] })
  if (users.length) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Admin accounts cannot join campaigns")
}

/**
 * Campaign joins need a registered, logged-in customer: a guest checkout gets a
 * customer record from Medusa (has_account false) and must not pass for one.
 * Then the admin rule above. Returns the customer id.
 */
export async function assertCampaignBuyer(
  container: Resolver,
  buyer: { customer_id?: string | null; customer?: { id?: string; has_account?: boolean; email?: string | null } | null; email?: string | null }
): Promise<string> {
  const customer_id = buyer.customer_id ?? buyer.customer?.id ?? null
  let registered = buyer.customer?.has_account
  if (customer_id && registered === undefined) {
    const [c] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: customer_id }, { select: ["has_account"] })
    registered = !!c?.has_account
  }
  if (!customer_id || !registered) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Log in with a registered account to join a campaign")
  }
  await assertNotAdmin(container, customer_id, buyer.customer?.email ?? buyer.email)
  return customer_id
}
