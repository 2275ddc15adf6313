import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"
import { asBigNumberInput } from "@fission/core/utils"
import { ProductRule, sameProductRule } from "../../../utils/product-commission"

export type ProductCommissionChange = {
  /** null = the product-level rule. */
  variant_id: string | null
  /** null = remove the rule (fall back to the product rule or the store default). */
  rule: ProductRule | null
}

export type SetProductCommissionRulesInput = {
  product_id: string
  changes: ProductCommissionChange[]
  /** Remove every rule of the product (product-level and per-variant) before applying `changes`. */
  clear_all?: boolean
}

type Row = { id: string; product_id: string; variant_id: string | null; mode: ProductRule["mode"]; level1: unknown; level2: unknown }

const asInput = (rule: ProductRule) => ({
  mode: rule.mode,
  level1: rule.level1 === null ? null : asBigNumberInput(rule.level1),
  level2: rule.level2 === null ? null : asBigNumberInput(rule.level2),
})
const snapshot = (r: Row) => ({ id: r.id, product_id: r.product_id, variant_id: r.variant_id, mode: r.mode, level1: r.level1, level2: r.level2 })

/**
 * Upserts and removes a product's commission rules in one place: under a lock per
 * product (the product-level row has no unique key, so two concurrent saves must
 * not both insert one) it reads the current rows, then creates, updates or
 * deletes only what changed. Variant rows are found by variant id (unique).
 * Compensation puts every touched row back as it was.
 */
export const setProductCommissionRulesStep = createStep(
  "fission-set-product-commission-rules",
  async (input: SetProductCommissionRulesInput, { container }) => {
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const locking = container.resolve(Modules.LOCKING)
    return await locking.execute(`fission:product-commission:${input.product_id}`, async () => {
      const variantIds = input.changes.map((c) => c.variant_id).filter((v): v is string => !!v)
      const current = (await service.listProductCommissions({
        $or: [{ product_id: input.product_id }, ...(variantIds.length ? [{ variant_id: variantIds }] : [])],
      } as any)) as unknown as Row[]
      const find = (variantId: string | null) =>
        current.find((r) => (variantId ? r.variant_id === variantId : r.product_id === input.product_id && !r.variant_id))

      const removed: Row[] = []
      const updated: Row[] = []
      const created: string[] = []
      if (input.clear_all) {
        const own = current.filter((r) => r.product_id === input.product_id)
        if (own.length) await service.deleteProductCommissions(own.map((r) => r.id))
        removed.push(...own)
      }
      for (const change of input.changes) {
        const existing = removed.some((r) => r === find(change.variant_id)) ? undefined : find(change.variant_id)
        if (!change.rule) {
          if (existing) {
            await service.deleteProductCommissions([existing.id])
            removed.push(existing)
          }
        } else if (!existing) {
          const [row] = await service.createProductCommissions([
            { product_id: input.product_id, variant_id: change.variant_id, ...asInput(change.rule) },
          ])
          created.push(row.id)
        } else if (!sameProductRule(existing, change.rule) || existing.product_id !== input.product_id) {
          await service.updateProductCommissions({ id: existing.id, product_id: input.product_id, ...asInput(change.rule) })
          updated.push(existing)
        }
      }
      return new StepResponse(
        { created: created.length, updated: updated.length, removed: removed.length },
        { created, updated: updated.map(snapshot), removed: removed.map(snapshot) }
      )
    })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    if (undo.created.length) await service.deleteProductCommissions(undo.created)
    for (const row of undo.updated) await service.updateProductCommissions(row as any)
    if (undo.removed.length) await service.createProductCommissions(undo.removed as any)
  }
)
