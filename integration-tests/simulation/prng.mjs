// A small seeded PRNG (mulberry32): the same seed gives the same sequence on every
// machine, so a failing simulation replays from the seed it printed.
export function prng(seed) {
  let a = hashSeed(String(seed))
  const next = () => {
    a = (a + 0x6d2b79f5) | 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const r = {
    next,
    /** An integer in [min, max]. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    /** A key of `weights` chosen in proportion to its weight (zero weights never). */
    weighted: (weights) => {
      const entries = Object.entries(weights).filter(([, w]) => w > 0)
      let x = next() * entries.reduce((s, [, w]) => s + w, 0)
      for (const [k, w] of entries) if ((x -= w) < 0) return k
      return entries[entries.length - 1]?.[0]
    },
    /** An independent stream derived from this seed and a name (one per lane). */
    fork: (name) => prng(`${seed}/${name}`),
  }
  return r
}

/** FNV-1a of the seed text, so any string (or number) is a seed. */
function hashSeed(s) {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h >>> 0
}
