// Prepares the checkout part of `npm run bench:distribution` (run as `medusa exec`
// before the two servers start): the shared store fixture (region, products, shipping,
// publishable key) and shoppers with a login, each bound under a random member at
// depth ≥ 2 of the loaded forest so every order pays two commission levels.
// Writes { publishable_key, region_id, variant_id, password, shoppers } to BENCH_OUT.
import fs from "node:fs"
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { DistributionModuleService } from "../../plugins/distribution/src/modules/distribution"
import { createCustomerWithLogin, createStoreFixture } from "../../src/lib/store-fixture"

const PASSWORD = "bench-password"

export default async function setupCheckoutStore({ container }: ExecArgs) {
  const shoppers = Math.max(1, Number(process.env.BENCH_SHOPPERS || 20))
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const service = container.resolve<DistributionModuleService>("fission_distribution")
  const fixture = await createStoreFixture(container)

  const { rows: candidates } = await knex.raw(
    `SELECT 'cus_bench_' || i AS id, code FROM bench_forest_node f JOIN promoter p ON p.customer_id = 'cus_bench_' || f.i
      WHERE f.d >= 2 ORDER BY random() LIMIT ?`,
    [shoppers]
  )
  const created: { email: string; customer_id: string; referrer_id: string }[] = []
  for (let s = 0; s < shoppers; s++) {
    const email = `shopper${s}@bench.fission.test`
    const customer = await createCustomerWithLogin(container, { email, password: PASSWORD, first_name: "Shopper", last_name: String(s) })
    const referrer = candidates[s % candidates.length]
    await service.changeReferrer({ customer_id: customer.id, referrer_id: referrer.id, action: "bind", source: "code", code: referrer.code })
    created.push({ email, customer_id: customer.id, referrer_id: referrer.id })
  }

  const product = fixture.products["package-899"]
  const out = {
    publishable_key: fixture.publishable_key,
    region_id: fixture.region_id,
    variant_id: product.variant_id,
    password: PASSWORD,
    shoppers: created,
  }
  if (process.env.BENCH_OUT) fs.writeFileSync(process.env.BENCH_OUT, JSON.stringify(out, null, 2))
  else console.log(JSON.stringify(out, null, 2))
}
