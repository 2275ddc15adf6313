import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createCustomerWithLogin, createStoreFixture } from "../lib/store-fixture"

export const DEMO_PASSWORD = "fission-demo"

/** Demo shoppers: Alice refers Bob, Bob refers Carol (the SPEC §2.4 example). */
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
  await createStoreFixture(container)
  for (const customer of DEMO_CUSTOMERS) {
    await createCustomerWithLogin(container, { ...customer, password: DEMO_PASSWORD })
  }
  logger.info("Fission demo store seeded")
}
