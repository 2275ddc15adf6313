import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { normalizeProductRule } from "../../../../../../utils/product-commission"
import { ProductCommissionChange, setProductCommissionRulesWorkflow } from "../../../../../../workflows/product-commissions"
import { loadProduct, productCommissionView } from "../../product-commission"
import { AdminDeleteProductCommissionParamsType, AdminSetProductCommissionType } from "../../validators"

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * GET /admin/fission/products/:product_id/commission → `{ product_commission: { product_id,
 * rule: { id, mode, level1, level2 } | null, variants: [{ variant_id, title, sku, rule }],
 * store_default: { level1_rate, level2_rate, commission_depth } } }`; 404 unknown product.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const product = await loadProduct(req.scope, req.params.product_id)
  res.json({ product_commission: await productCommissionView(req.scope, product) })
}

/**
 * POST /admin/fission/products/:product_id/commission `{ mode?, level1?, level2?, variants?: [{ variant_id,
 * mode, level1?, level2? }] }` — upserts the product-level rule (mode null removes it; omitted leaves it)
 * and the listed variants' rules (mode null removes one). `rate`: fractions 0..1 (level1 + level2 ≤ 1);
 * `fixed`: amounts ≥ 0 per unit; `excluded`: no levels. → the GET shape. 404 unknown product, 400 naming
 * the field for anything else; nothing is saved on error.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSetProductCommissionType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const product = await loadProduct(req.scope, req.params.product_id)
  const changes: ProductCommissionChange[] = []
  if (body.mode !== undefined) {
    if (body.mode === null && (body.level1 != null || body.level2 != null)) throw invalid("level1 and level2 must be empty when mode is null (rule removed)")
    changes.push({ variant_id: null, rule: body.mode === null ? null : normalizeProductRule({ mode: body.mode, level1: body.level1, level2: body.level2 }) })
  } else if (body.level1 !== undefined || body.level2 !== undefined) {
    throw invalid("mode is required when level1 or level2 is given")
  }
  const ownVariants = new Set(product.variants.map((v) => v.id))
  const seen = new Set<string>()
  ;(body.variants ?? []).forEach((v, i) => {
    const field = `variants[${i}]`
    if (!ownVariants.has(v.variant_id)) throw invalid(`${field}.variant_id: ${v.variant_id} is not a variant of product ${product.id}`)
    if (seen.has(v.variant_id)) throw invalid(`${field}.variant_id: ${v.variant_id} is listed twice`)
    seen.add(v.variant_id)
    if (v.mode === null && (v.level1 != null || v.level2 != null)) throw invalid(`${field}: level1 and level2 must be empty when mode is null (rule removed)`)
    changes.push({ variant_id: v.variant_id, rule: v.mode === null ? null : normalizeProductRule({ mode: v.mode, level1: v.level1, level2: v.level2 }, field) })
  })
  if (!changes.length) throw invalid("nothing to save: give mode (the product rule) and/or variants")
  await setProductCommissionRulesWorkflow(req.scope).run({ input: { product_id: product.id, changes } })
  res.json({ product_commission: await productCommissionView(req.scope, product) })
}

/**
 * DELETE /admin/fission/products/:product_id/commission[?variant_id=] — removes the variant's rule, or
 * without variant_id every rule of the product (back to the store default). Idempotent.
 * → `{ id: product_id, object: "product_commission", deleted: true, product_commission }`.
 */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { variant_id } = req.validatedQuery as AdminDeleteProductCommissionParamsType
  const product = await loadProduct(req.scope, req.params.product_id)
  if (variant_id && !product.variants.some((v) => v.id === variant_id)) {
    throw invalid(`variant_id: ${variant_id} is not a variant of product ${product.id}`)
  }
  await setProductCommissionRulesWorkflow(req.scope).run({
    input: variant_id
      ? { product_id: product.id, changes: [{ variant_id, rule: null }] }
      : { product_id: product.id, changes: [], clear_all: true },
  })
  res.json({ id: product.id, object: "product_commission", deleted: true, product_commission: await productCommissionView(req.scope, product) })
}
