import { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  Modules,
  ProductStatus,
} from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createCustomerAccountWorkflow,
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

export const CURRENCY = "cny"
export const COUNTRY = "cn"

export type FixtureProduct = { title: string; handle: string; price: number; description: string }

/** The demo catalogue; the 899 package is the seed's distribution product (SPEC §2.4). */
export const DEMO_PRODUCTS: FixtureProduct[] = [
  { title: "899 Package", handle: "package-899", price: 899, description: "The partner package: pays 100 direct / 50 indirect commission." },
  { title: "Gannan Navel Oranges (10 jin)", handle: "navel-oranges-10-jin", price: 100, description: "Pre-sale fruit, ships after harvest." },
  { title: "Tea Gift Box", handle: "tea-gift-box", price: 99, description: "Group-draw and blind-box prize item." },
  { title: "Red Date Snack Pack", handle: "red-date-snack-pack", price: 29.9, description: "Everyday item for points and rebates." },
]

export type StoreFixture = {
  region_id: string
  sales_channel_id: string
  stock_location_id: string
  shipping_option_id: string
  publishable_key: string
  products: Record<string, { product_id: string; variant_id: string; price: number }>
}

/**
 * Creates a sellable store: CNY region with the system payment provider, tax region,
 * stock location with a manual fulfillment set and a flat shipping option, a sales
 * channel with a publishable key, and products with stock. Used by the demo seed and
 * by the HTTP tests, so both sell through the same setup.
 */
export async function createStoreFixture(
  container: MedusaContainer,
  { products = DEMO_PRODUCTS, shippingPrice = 10 }: { products?: FixtureProduct[]; shippingPrice?: number } = {}
): Promise<StoreFixture> {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [store] = await container.resolve(Modules.STORE).listStores()

  // Medusa creates a default sales channel on first boot; sell through it when present.
  let [salesChannel] = store.default_sales_channel_id
    ? await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({ id: store.default_sales_channel_id })
    : []
  if (!salesChannel) {
    ;({
      result: [salesChannel],
    } = await createSalesChannelsWorkflow(container).run({
      input: { salesChannelsData: [{ name: "Fission Store" }] },
    }))
  }

  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "Fission Demo Store",
        supported_currencies: [{ currency_code: CURRENCY, is_default: true }],
        default_sales_channel_id: salesChannel.id,
      },
    },
  })

  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        { name: "China", currency_code: CURRENCY, countries: [COUNTRY], payment_providers: ["pp_system_default"] },
      ],
    },
  })
  await createTaxRegionsWorkflow(container).run({ input: [{ country_code: COUNTRY, provider_id: "tp_system" }] })

  const {
    result: [location],
  } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Ganzhou Warehouse", address: { city: "Ganzhou", country_code: "CN", address_1: "" } }] },
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })

  let [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  if (!profile) {
    ;({
      result: [profile],
    } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    }))
  }

  const fulfillmentSet = await fulfillment.createFulfillmentSets({
    name: "China delivery",
    type: "shipping",
    service_zones: [{ name: "China", geo_zones: [{ country_code: COUNTRY, type: "country" }] }],
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
  })

  const {
    result: [shippingOption],
  } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Standard Shipping",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: fulfillmentSet.service_zones[0].id,
        shipping_profile_id: profile.id,
        type: { label: "Standard", description: "Ships in 2-3 days.", code: "standard" },
        prices: [
          { currency_code: CURRENCY, amount: shippingPrice },
          { region_id: region.id, amount: shippingPrice },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })

  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: location.id, add: [salesChannel.id] },
  })

  const {
    result: [apiKey],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Fission Storefront", type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: apiKey.id, add: [salesChannel.id] } })

  const { result: created } = await createProductsWorkflow(container).run({
    input: {
      products: products.map((p) => ({
        title: p.title,
        handle: p.handle,
        description: p.description,
        status: ProductStatus.PUBLISHED,
        shipping_profile_id: profile.id,
        options: [{ title: "Edition", values: ["Standard"] }],
        variants: [
          {
            title: "Standard",
            sku: p.handle.toUpperCase(),
            options: { Edition: "Standard" },
            manage_inventory: true,
            prices: [{ amount: p.price, currency_code: CURRENCY }],
          },
        ],
        sales_channels: [{ id: salesChannel.id }],
      })),
    },
  })

  const { data: inventoryItems } = await query.graph({
    entity: "inventory_item",
    fields: ["id", "sku"],
    filters: { sku: products.map((p) => p.handle.toUpperCase()) },
  })
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: inventoryItems.map((item) => ({
        location_id: location.id,
        stocked_quantity: 1_000_000,
        inventory_item_id: item.id,
      })),
    },
  })

  return {
    region_id: region.id,
    sales_channel_id: salesChannel.id,
    stock_location_id: location.id,
    shipping_option_id: shippingOption.id,
    publishable_key: apiKey.token,
    products: Object.fromEntries(
      created.map((p) => {
        const spec = products.find((s) => s.handle === p.handle)!
        return [p.handle, { product_id: p.id, variant_id: p.variants[0].id, price: spec.price }]
      })
    ),
  }
}

/** Registers a customer with an email/password identity, as the storefront sign-up does. */
export async function createCustomerWithLogin(
  container: MedusaContainer,
  { email, password, first_name, last_name }: { email: string; password: string; first_name?: string; last_name?: string }
) {
  const auth = container.resolve(Modules.AUTH)
  const { success, authIdentity, error } = await auth.register("emailpass", { body: { email, password } })
  if (!success || !authIdentity) throw new Error(`cannot register ${email}: ${error}`)
  const { result: customer } = await createCustomerAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity.id, customerData: { email, first_name, last_name } },
  })
  return customer
}
