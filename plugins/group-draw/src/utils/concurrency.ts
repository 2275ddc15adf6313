/**
 * Runs `fn` for every item with at most `limit` calls in flight. Every item is
 * attempted even when some fail (their effects are independent and idempotent);
 * afterwards the first failure, if any, is thrown.
 */
export async function forEachConcurrently<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const errors: unknown[] = []
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]
      try {
        await fn(item)
      } catch (e) {
        errors.push(e)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  if (errors.length) throw errors[0]
}
