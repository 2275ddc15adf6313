/** Retry policy of refund requests: attempts are retried by the sweep job with an exponential backoff. */
export const REFUND_RETRY = {
  /** Wait after the first failed attempt. */
  base_seconds: 120,
  /** The longest wait between two attempts. */
  max_seconds: 3600,
  /** Attempts before a request is given up (`fission.refund.failed`); the admin can still retry it. */
  max_attempts: 10,
} as const

/**
 * When a request that failed its `attempts`-th attempt is tried again, or null when it
 * has used up `maxAttempts` (it then stays `failed` until an admin retries it).
 * Waits 2, 4, 8, … minutes, capped at an hour: with the defaults the tenth attempt
 * comes about seven hours after the first.
 */
export function nextAttemptAt(
  attempts: number,
  now: Date,
  { base_seconds, max_seconds, max_attempts }: { base_seconds: number; max_seconds: number; max_attempts: number } = REFUND_RETRY
): Date | null {
  if (attempts >= max_attempts) return null
  const exponent = Math.max(0, attempts - 1)
  const wait = Math.min(max_seconds, base_seconds * 2 ** Math.min(exponent, 30))
  return new Date(now.getTime() + wait * 1000)
}
