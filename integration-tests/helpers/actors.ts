import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createCustomerWithLogin } from "../../src/lib/store-fixture"

export type Headers = Record<string, string>
export const PASSWORD = "secret-password"

const bearer = (token: string): Headers => ({ authorization: `Bearer ${token}` })

/** An admin user logged in through Medusa's own emailpass route. */
export async function loginAdmin(container: MedusaContainer, api: any, email = "admin@fission.test") {
  const [user] = await container.resolve(Modules.USER).createUsers([{ email }])
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity } = await auth.register("emailpass", { body: { email, password: PASSWORD } })
  await auth.updateAuthIdentities({ id: authIdentity!.id, app_metadata: { user_id: user.id } })
  const { data } = await api.post("/auth/user/emailpass", { email, password: PASSWORD })
  return { user, headers: bearer(data.token) }
}

/** A registered customer logged in through the storefront auth route. */
export async function loginShopper(container: MedusaContainer, api: any, publishableKey: string, email: string) {
  const customer = await createCustomerWithLogin(container, { email, password: PASSWORD, first_name: email.split("@")[0] })
  const { data } = await api.post("/auth/customer/emailpass", { email, password: PASSWORD })
  return { customer, headers: { ...bearer(data.token), "x-publishable-api-key": publishableKey } }
}
