import { createHash, Hash } from "crypto"

const HMAC_BLOCK_SIZE = 64 // SHA-256 block size in bytes
const MAX_UNIFORM = 2 ** 48
const TWO_POW_32 = 2 ** 32

/**
 * Deterministic byte stream: the concatenation block(0) || block(1) || ...
 * where block(i) = HMAC-SHA256(key = UTF-8(seed), msg = UTF-8(message + "|" + i))
 * and i is written in decimal without leading zeros. Reads consume bytes in
 * order, crossing block boundaries as needed.
 *
 * HMAC is computed by hand (RFC 2104) so that the inner hash state after
 * `message + "|"` can be reused for every block (the message may be large);
 * the result is bit-identical to `crypto.createHmac("sha256", seed)`.
 */
export class RandomStream {
  private readonly innerPrefix: Hash
  private readonly outerPad: Buffer
  private block: Buffer = Buffer.alloc(0)
  private offset = 0
  private nextIndex = 0

  constructor(seed: string, message: string) {
    if (typeof seed !== "string" || seed.length === 0) {
      throw new TypeError("seed must be a non-empty string")
    }
    if (typeof message !== "string") {
      throw new TypeError("message must be a string")
    }
    let key = Buffer.from(seed, "utf8")
    if (key.length > HMAC_BLOCK_SIZE) {
      key = createHash("sha256").update(key).digest()
    }
    const innerPad = Buffer.alloc(HMAC_BLOCK_SIZE, 0x36)
    const outerPad = Buffer.alloc(HMAC_BLOCK_SIZE, 0x5c)
    for (let i = 0; i < key.length; i++) {
      innerPad[i] ^= key[i]
      outerPad[i] ^= key[i]
    }
    this.outerPad = outerPad
    this.innerPrefix = createHash("sha256").update(innerPad).update(message + "|", "utf8")
  }

  /** block(i) = HMAC-SHA256(seed, message + "|" + i); 32 bytes. */
  blockAt(i: number): Buffer {
    if (!Number.isSafeInteger(i) || i < 0) {
      throw new RangeError(`block index must be a non-negative integer, got ${i}`)
    }
    const inner = this.innerPrefix.copy().update(String(i), "utf8").digest()
    return createHash("sha256").update(this.outerPad).update(inner).digest()
  }

  /** Number of HMAC blocks generated so far. */
  get blocksUsed(): number {
    return this.nextIndex
  }

  /** Next `length` bytes of the stream. */
  readBytes(length: number): Buffer {
    const out = Buffer.alloc(length)
    let filled = 0
    while (filled < length) {
      if (this.offset >= this.block.length) {
        this.block = this.blockAt(this.nextIndex++)
        this.offset = 0
      }
      const take = Math.min(length - filled, this.block.length - this.offset)
      this.block.copy(out, filled, this.offset, this.offset + take)
      filled += take
      this.offset += take
    }
    return out
  }

  /** Next `bytes` (1..6) bytes as an unsigned big-endian integer. */
  readUint(bytes: number): number {
    if (!Number.isInteger(bytes) || bytes < 1 || bytes > 6) {
      throw new RangeError("readUint supports 1..6 bytes")
    }
    return this.readBytes(bytes).readUIntBE(0, bytes)
  }
}

export function createRandomStream(seed: string, message: string): RandomStream {
  return new RandomStream(seed, message)
}

/**
 * Uniform integer in [0, n) without modulo bias. Reads 32-bit big-endian words
 * (48-bit if n > 2^32) from the stream; with R = 2^32 (or 2^48) and
 * limit = R - (R mod n) = floor(R / n) * n, it rejects words x >= limit and
 * returns x mod n for the first accepted word. Always consumes at least one
 * word (also for n = 1). Throws for n <= 0, non-integers and n > 2^48.
 */
export function uniformInt(stream: RandomStream, n: number): number {
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n <= 0) {
    throw new RangeError(`uniformInt: n must be a positive safe integer, got ${n}`)
  }
  if (n > MAX_UNIFORM) {
    throw new RangeError(`uniformInt: n must be <= 2^48, got ${n}`)
  }
  const bytes = n > TWO_POW_32 ? 6 : 4
  const range = bytes === 6 ? MAX_UNIFORM : TWO_POW_32
  const limit = range - (range % n)
  for (;;) {
    const x = stream.readUint(bytes)
    if (x < limit) {
      return x % n
    }
  }
}
