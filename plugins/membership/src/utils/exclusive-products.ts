import type { LevelLike } from "./levels"

type ExclusiveLevel = LevelLike & { name: string; exclusive_product_ids?: unknown }

/**
 * Level-restricted products (SPEC §6.2): the lowest level listing a product is
 * the one a buyer needs; members at or above it (by growth threshold) may buy.
 * Returns product id → required level.
 */
export function requiredLevels<T extends ExclusiveLevel>(levels: T[]): Map<string, T> {
  const required = new Map<string, T>()
  for (const level of levels) {
    const ids = Array.isArray(level.exclusive_product_ids) ? (level.exclusive_product_ids as string[]) : []
    for (const id of ids) {
      const known = required.get(id)
      if (!known || Number(level.growth_threshold) < Number(known.growth_threshold)) required.set(id, level)
    }
  }
  return required
}

/** The first product of `productIds` the holder of `levelId` may not buy, with the level it needs; null if all are allowed. */
export function firstRestrictedProduct<T extends ExclusiveLevel>(
  levels: T[],
  levelId: string | null,
  productIds: string[]
): { product_id: string; level: T } | null {
  const required = requiredLevels(levels)
  const held = levels.find((l) => l.id === levelId)
  for (const product_id of productIds) {
    const need = required.get(product_id)
    if (need && (!held || Number(held.growth_threshold) < Number(need.growth_threshold))) return { product_id, level: need }
  }
  return null
}
