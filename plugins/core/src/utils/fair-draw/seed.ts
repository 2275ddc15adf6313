import { createHash, randomBytes } from "crypto"

/** Length in bytes of a server seed produced by {@link generateSeed}. */
export const SEED_BYTES = 32

/**
 * A fresh secret server seed: 32 bytes from the OS CSPRNG, as 64 lowercase hex
 * characters. Keep it secret until the draw has been run, then publish it.
 */
export function generateSeed(): string {
  return randomBytes(SEED_BYTES).toString("hex")
}

/**
 * The public commitment to a seed: lowercase hex SHA-256 of the seed string's
 * UTF-8 bytes (i.e. of the 64 hex characters, not of the 32 decoded bytes).
 * Same as `printf %s "$seed" | sha256sum`.
 */
export function commitmentOf(seed: string): string {
  if (typeof seed !== "string" || seed.length === 0) {
    throw new TypeError("seed must be a non-empty string")
  }
  return createHash("sha256").update(seed, "utf8").digest("hex")
}
