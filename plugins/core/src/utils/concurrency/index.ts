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

/**
 * A counting semaphore: `run(fn)` waits until fewer than `limit` calls are running.
 * Used process-wide where many event deliveries could otherwise start unbounded work
 * at once (e.g. thousands of refund requests on the in-process event bus).
 */
export class Limiter {
  private running = 0
  private readonly waiting: (() => void)[] = []

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new TypeError("Limiter: limit must be a positive integer")
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve))
    this.running++
    try {
      return await fn()
    } finally {
      this.running--
      this.waiting.shift()?.()
    }
  }

  get active() {
    return this.running
  }
}
