import { MedusaContainer } from "@medusajs/framework/types"
import { createStoreFixture, FixtureProduct, StoreFixture } from "../../src/lib/store-fixture"
import { loginAdmin } from "./actors"
import { Headers } from "./actors"

export type StoreSetup = { fixture: StoreFixture; adminHeaders: Headers; storeHeaders: Headers }

/** Store fixture + an admin session; call in beforeEach (the database is reset per test). */
export async function setupStore(
  container: MedusaContainer,
  api: any,
  options: { products?: FixtureProduct[] } = {}
): Promise<StoreSetup> {
  const fixture = await createStoreFixture(container, options)
  const { headers: adminHeaders } = await loginAdmin(container, api)
  return { fixture, adminHeaders, storeHeaders: { "x-publishable-api-key": fixture.publishable_key } }
}
