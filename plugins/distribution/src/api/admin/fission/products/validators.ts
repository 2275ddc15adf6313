import { z } from "@medusajs/framework/zod"
import { zId } from "@fission/core/utils"
import { PRODUCT_COMMISSION_MODES } from "../../../../utils/product-commission"

// Shapes only; ranges (rates 0..1, fixed ≥ 0, both levels given) are checked by
// normalizeProductRule so messages name the field, e.g. "variants[1].level1".
const decimal = z.union([z.number(), z.string()])
const level = decimal.nullable().optional()

export const AdminSetProductCommission = z.strictObject({
  /** The product-level rule; null removes it (store default), omitted leaves it as is. */
  mode: z.enum(PRODUCT_COMMISSION_MODES).nullable().optional(),
  level1: level,
  level2: level,
  variants: z
    .array(
      z.strictObject({
        variant_id: zId("variants[].variant_id"),
        /** null removes the variant's rule (the product rule applies again). */
        mode: z.enum(PRODUCT_COMMISSION_MODES).nullable(),
        level1: level,
        level2: level,
      })
    )
    .max(500)
    .optional(),
})
export type AdminSetProductCommissionType = z.infer<typeof AdminSetProductCommission>

export const AdminDeleteProductCommissionParams = z.strictObject({
  /** Only this variant's rule; without it every rule of the product is removed. */
  variant_id: zId("variant_id").optional(),
})
export type AdminDeleteProductCommissionParamsType = z.infer<typeof AdminDeleteProductCommissionParams>
