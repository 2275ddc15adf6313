import { createHmac } from "crypto"
import { createRandomStream, RandomStream, uniformInt } from "./random-stream"

const SEED = "a".repeat(64)

/** A stream that returns scripted words, to test rejection sampling exactly. */
function scripted(words: number[]): { stream: RandomStream; reads: number[] } {
  const reads: number[] = []
  const fake = {
    readUint(bytes: number) {
      reads.push(bytes)
      const w = words.shift()
      if (w === undefined) throw new Error("script exhausted")
      return w
    },
  }
  return { stream: fake as unknown as RandomStream, reads }
}

describe("fair-draw random stream", () => {
  it("block i is HMAC-SHA256(seed, message + '|' + i)", () => {
    const stream = createRandomStream(SEED, "hello")
    expect(stream.blockAt(0).toString("hex")).toBe(
      "5c06550cedc7a33f2f82ead006486b01b31cf8481790c9894ea0063fce020100"
    )
    for (const i of [0, 1, 9, 10, 12345]) {
      const expected = createHmac("sha256", SEED).update(`hello|${i}`).digest("hex")
      expect(stream.blockAt(i).toString("hex")).toBe(expected)
    }
  })

  it("matches node's HMAC for long keys and non-ASCII messages", () => {
    const seed = "k".repeat(100) + "é"
    const message = "{\"x\":\"ünï🎉\"}"
    const stream = createRandomStream(seed, message)
    expect(stream.blockAt(3).toString("hex")).toBe(
      createHmac("sha256", seed).update(message + "|3").digest("hex")
    )
  })

  it("reads bytes sequentially across block boundaries", () => {
    const stream = createRandomStream(SEED, "m")
    const b0 = stream.blockAt(0)
    const b1 = stream.blockAt(1)
    const first = stream.readBytes(30)
    const second = stream.readBytes(10)
    expect(Buffer.concat([first, second]).toString("hex")).toBe(
      Buffer.concat([b0, b1.subarray(0, 8)]).toString("hex")
    )
    expect(stream.blocksUsed).toBe(2)
    const again = createRandomStream(SEED, "m")
    expect(again.readUint(4)).toBe(b0.readUInt32BE(0))
  })

  it("uniformInt rejects words >= floor(2^32 / n) * n and reduces the first accepted word", () => {
    // n = 3: 2^32 mod 3 = 1, so limit = 2^32 - 1 and 0xffffffff is rejected
    const { stream, reads } = scripted([0xffffffff, 5])
    expect(uniformInt(stream, 3)).toBe(2)
    expect(reads).toEqual([4, 4])

    // n = 10: limit = 4294967290
    const s2 = scripted([4294967290, 4294967295, 4294967289])
    expect(uniformInt(s2.stream, 10)).toBe(9)
    expect(s2.reads).toHaveLength(3)

    // n = 1 still consumes one word
    const s3 = scripted([123])
    expect(uniformInt(s3.stream, 1)).toBe(0)
    expect(s3.reads).toEqual([4])
  })

  it("uniformInt uses 48-bit words when n > 2^32", () => {
    const { stream, reads } = scripted([2 ** 40 + 7])
    expect(uniformInt(stream, 2 ** 32 + 1)).toBe((2 ** 40 + 7) % (2 ** 32 + 1))
    expect(reads).toEqual([6])
    const s2 = scripted([2 ** 32 - 1])
    expect(uniformInt(s2.stream, 2 ** 32)).toBe(2 ** 32 - 1)
    expect(s2.reads).toEqual([4])
  })

  it("uniformInt throws on invalid n", () => {
    const stream = createRandomStream(SEED, "m")
    for (const n of [0, -1, 1.5, NaN, Infinity, Number.MAX_SAFE_INTEGER + 1, 2 ** 48 + 1]) {
      expect(() => uniformInt(stream, n)).toThrow(RangeError)
    }
  })

  it("rejects an empty seed", () => {
    expect(() => createRandomStream("", "m")).toThrow(/seed/)
  })

  it("uniformInt(10) passes a chi-square test over 100,000 samples", () => {
    const stream = createRandomStream(SEED, "chi-square")
    const n = 10
    const samples = 100_000
    const counts = new Array(n).fill(0)
    for (let i = 0; i < samples; i++) counts[uniformInt(stream, n)]++
    const expected = samples / n
    const chi2 = counts.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0)
    // chi-square critical value, 9 degrees of freedom, p = 0.001
    expect(chi2).toBeLessThan(27.877)
  })

  it("uniformInt(7) (non power of two) passes a chi-square test", () => {
    const stream = createRandomStream("seed-2", "chi-square-7")
    const counts = new Array(7).fill(0)
    const samples = 70_000
    for (let i = 0; i < samples; i++) counts[uniformInt(stream, 7)]++
    const chi2 = counts.reduce((acc, c) => acc + (c - 10_000) ** 2 / 10_000, 0)
    expect(chi2).toBeLessThan(22.458) // df = 6, p = 0.001
  })
})
