import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../../modules/distribution"

type Scope = Pick<MedusaContainer, "resolve">

export type ProductWithVariants = { id: string; title: string; variants: { id: string; title: string | null; sku: string | null }[] }

/** The product and its variants, or 404. */
export async function loadProduct(scope: Scope, productId: string): Promise<ProductWithVariants> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "title", "variants.id", "variants.title", "variants.sku"],
    filters: { id: productId },
  })
  const product = data[0] as any
  if (!product) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${productId} was not found`)
  return { id: product.id, title: product.title, variants: (product.variants ?? []).filter(Boolean) }
}

const rule = (r: any) =>
  r ? { id: r.id as string, mode: r.mode as string, level1: r.level1 === null ? null : Number(r.level1), level2: r.level2 === null ? null : Number(r.level2) } : null

/**
 * `{ product_id, rule, variants: [{ variant_id, title, sku, rule }], store_default }`: the product's
 * own rule, each variant's rule (null = inherits), and the store rates that apply without one.
 */
export async function productCommissionView(scope: Scope, product: ProductWithVariants) {
  const service = scope.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  const variantIds = product.variants.map((v) => v.id)
  const [rows, settings] = await Promise.all([
    service.listProductCommissions({ $or: [{ product_id: product.id }, ...(variantIds.length ? [{ variant_id: variantIds }] : [])] } as any),
    service.retrieveSettings(),
  ])
  return {
    product_id: product.id,
    rule: rule(rows.find((r) => r.product_id === product.id && !r.variant_id)),
    variants: product.variants.map((v) => ({
      variant_id: v.id,
      title: v.title,
      sku: v.sku,
      rule: rule(rows.find((r) => r.variant_id === v.id)),
    })),
    store_default: {
      level1_rate: Number(settings.level1_rate),
      level2_rate: Number(settings.level2_rate),
      commission_depth: Number(settings.commission_depth),
    },
  }
}
