import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { rebindReferralWorkflow } from "@fission/distribution/workflows"
import { createCustomerWithLogin, createStoreFixture } from "../lib/store-fixture"

export const DEMO_PASSWORD = "fission-demo"

/** Demo shoppers: Alice refers Bob, Bob refers Carol (the SPEC §2.4 example, bound by the seed). */
export const DEMO_CUSTOMERS = [
  { email: "alice@fission.local", first_name: "Alice", last_name: "Wang" },
  { email: "bob@fission.local", first_name: "Bob", last_name: "Li" },
  { email: "carol@fission.local", first_name: "Carol", last_name: "Zhang" },
]

/**
 * Seeds the demo store once: a second run finds the 899 package and leaves
 * everything as it is.
 */
export default async function seedDemoStore({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const [existing] = await container.resolve(Modules.PRODUCT).listProducts({ handle: "package-899" })
  if (existing) {
    logger.info("Fission demo store already seeded")
    return
  }

  logger.info("Seeding the Fission demo store…")
  const fixture = await createStoreFixture(container)
  const customers: { id: string }[] = []
  for (const customer of DEMO_CUSTOMERS) {
    customers.push(await createCustomerWithLogin(container, { ...customer, password: DEMO_PASSWORD }))
  }
  await seedDistribution(container, fixture.products["package-899"].product_id, customers.map((c) => c.id))
  logger.info("Fission demo store seeded")
}

/** The SPEC §2 example: the 899 package pays 100 / 50, boss = 2 package buyers (350 team reward), A → B → C. */
async function seedDistribution(container: ExecArgs["container"], packageId: string, [alice, bob, carol]: string[]) {
  const distribution: any = container.resolve("fission_distribution")
  await distribution.createProductCommissions({ product_id: packageId, mode: "fixed", level1: 100, level2: 50 })
  await distribution.createDistributionRanks([
    { name: "member", position: 0, is_default: true },
    {
      name: "boss",
      position: 1,
      conditions: { direct_referrals: { count: 2, purchased_product_id: packageId } },
      team_reward_amount: 350,
    },
  ])
  for (const [customer_id, referrer_id] of [
    [bob, alice],
    [carol, bob],
  ]) {
    await rebindReferralWorkflow(container).run({
      input: { customer_id, referrer_id, reason: "demo referral tree", actor_id: null },
    })
  }
}
