// Prepares a store for the HTTP benchmarks (run as `medusa exec bench/lib/setup-store.ts`
// before the servers start): the shared store fixture (region, products, shipping,
// publishable key), an admin user and BENCH_SHOPPERS customers, each with an emailpass
// login and a Store API token issued exactly as `POST /auth/customer/emailpass` would
// issue it. Customers and auth identities are created in bulk with one shared password
// hash: hashing a password per customer (scrypt) would make setup, not the measured
// work, dominate the run. Writes { publishable_key, region_id, products, variant_id,
// password, admin, shoppers: [{ email, customer_id, token }] } to BENCH_OUT.
import fs from "node:fs"
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateJwtToken, Modules } from "@medusajs/framework/utils"
import { createStoreFixture } from "../../src/lib/store-fixture"

const PASSWORD = "bench-password"
const CHUNK = 500

export default async function setupBenchStore({ container }: ExecArgs) {
  const count = Number(process.env.BENCH_SHOPPERS || 20)
  const auth = container.resolve(Modules.AUTH)
  const customers = container.resolve(Modules.CUSTOMER)
  const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  const fixture = await createStoreFixture(container)

  const adminEmail = "admin@bench.fission.test"
  const [user] = await container.resolve(Modules.USER).createUsers([{ email: adminEmail }])
  const { authIdentity: adminIdentity } = await auth.register("emailpass", { body: { email: adminEmail, password: PASSWORD } })
  await auth.updateAuthIdentities({ id: adminIdentity!.id, app_metadata: { user_id: user.id } })
  // The one password hash every shopper shares (they can all log in with PASSWORD).
  const [{ provider_metadata }] = await auth.listProviderIdentities({ entity_id: adminEmail, provider: "emailpass" })

  const shoppers: { email: string; customer_id: string; token: string }[] = []
  for (let from = 0; from < count; from += CHUNK) {
    const batch = Array.from({ length: Math.min(CHUNK, count - from) }, (_, k) => ({
      email: `shopper${from + k}@bench.fission.test`,
      first_name: "Shopper",
      last_name: String(from + k),
      has_account: true,
    }))
    const created = await customers.createCustomers(batch)
    const identities = await auth.createAuthIdentities(
      created.map((c) => ({
        provider_identities: [{ provider: "emailpass", entity_id: c.email, provider_metadata }],
        app_metadata: { customer_id: c.id },
      }))
    )
    created.forEach((c, k) => {
      const token = generateJwtToken(
        {
          actor_id: c.id,
          actor_type: "customer",
          auth_identity_id: identities[k].id,
          auth_provider: "emailpass",
          mfa_enabled: false,
          mfa_challenge_completed_at: null,
          app_metadata: { customer_id: c.id },
          user_metadata: {},
        },
        { secret: http.jwtSecret!, expiresIn: "1d" }
      )
      shoppers.push({ email: c.email!, customer_id: c.id, token })
    })
  }

  const out = {
    publishable_key: fixture.publishable_key,
    region_id: fixture.region_id,
    products: fixture.products,
    variant_id: fixture.products["package-899"].variant_id,
    password: PASSWORD,
    admin: { email: adminEmail },
    shoppers,
  }
  if (process.env.BENCH_OUT) fs.writeFileSync(process.env.BENCH_OUT, JSON.stringify(out))
  else console.log(JSON.stringify(out, null, 2))
}
