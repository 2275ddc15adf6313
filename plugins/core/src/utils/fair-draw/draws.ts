import { assertDrawKind, messageDigest, normalizeInputs } from "./canonical-message"
import { stableStringify } from "./canonical-json"
import { RandomStream, uniformInt } from "./random-stream"
import { commitmentOf } from "./seed"
import {
  CanonicalDrawInputs,
  DrawInputs,
  DrawKind,
  DrawOptions,
  DrawOutcomeByKind,
  LEGACY_DRAW_VERSION,
  LegacyDrawOutcomeByKind,
  PickOutcome,
  PositionOutcome,
  SplitOutcome,
  WeightedOutcome,
} from "./types"

/** v2 outcomes (the default) carry the digest of the message; v1 outcomes do not. */
type Outcome<K extends DrawKind, O extends DrawOptions> = O extends { version: typeof LEGACY_DRAW_VERSION }
  ? LegacyDrawOutcomeByKind[K]
  : DrawOutcomeByKind[K]

type Prepared<K extends DrawKind> = {
  canonical: CanonicalDrawInputs<K>
  stream: RandomStream
  /** sha256 of the message for v2, undefined for v1. */
  digest?: string
}

// The commitment a v2 message binds is sha256(seed) by definition, so it is derived here.
function prepare<K extends DrawKind>(kind: K, seed: string, inputs: DrawInputs<K> | unknown, options: DrawOptions): Prepared<K> {
  if (typeof seed !== "string" || seed.length === 0) throw new TypeError("seed must be a non-empty string")
  const canonical = normalizeInputs(kind, inputs, { ...options, commitment: commitmentOf(seed) })
  const message = stableStringify(canonical)
  return {
    canonical,
    stream: new RandomStream(seed, message),
    digest: canonical.version === LEGACY_DRAW_VERSION ? undefined : messageDigest(message),
  }
}

function withDigest<T extends object>(outcome: T, digest: string | undefined): T {
  return digest === undefined ? outcome : { ...outcome, digest }
}

/**
 * K distinct winners of N ordered participants: partial Fisher–Yates on the
 * index list [0..N-1]: for i = 0..K-1, j = i + uniformInt(N - i), swap a[i], a[j];
 * winners are a[0..K-1] in that order.
 */
export function pickDraw<O extends DrawOptions = {}>(seed: string, inputs: DrawInputs<"pick"> | unknown, options?: O): Outcome<"pick", O> {
  const { canonical, stream, digest } = prepare("pick", seed, inputs, options ?? {})
  const { k, n } = canonical.params
  const order = Array.from({ length: n }, (_, i) => i)
  for (let i = 0; i < k; i++) {
    const j = i + uniformInt(stream, n - i)
    const tmp = order[i]
    order[i] = order[j]
    order[j] = tmp
  }
  const winnerIndexes = order.slice(0, k)
  const outcome: PickOutcome = {
    winners: winnerIndexes.map((i) => canonical.participants[i].id),
    winner_indexes: winnerIndexes,
  }
  return withDigest(outcome, digest) as Outcome<"pick", O>
}

/** position = min + uniformInt(max - min + 1). */
export function positionDraw<O extends DrawOptions = {}>(
  seed: string,
  inputs: DrawInputs<"position"> | unknown,
  options?: O
): Outcome<"position", O> {
  const { canonical, stream, digest } = prepare("position", seed, inputs, options ?? {})
  const { min, max } = canonical.params
  const outcome: PositionOutcome = { position: min + uniformInt(stream, max - min + 1) }
  return withDigest(outcome, digest) as Outcome<"position", O>
}

/**
 * Uniform over all compositions of `total` into n shares >= min_share (stars
 * and bars). With m = total - n*min_share, S = m + n - 1 slots and K = n - 1
 * bars, a uniform K-subset of [0, S) is chosen with Floyd's algorithm:
 *   for j = S-K .. S-1: t = uniformInt(j + 1); add (t if t not chosen yet, else j)
 * The chosen bars sorted ascending b_0 < ... < b_{K-1} give the gaps
 *   g_0 = b_0, g_i = b_i - b_{i-1} - 1, g_{n-1} = S - 1 - b_{K-1}
 * and share_i = min_share + g_i. n = 1 consumes no randomness.
 */
export function splitDraw<O extends DrawOptions = {}>(seed: string, inputs: DrawInputs<"split"> | unknown, options?: O): Outcome<"split", O> {
  const { canonical, stream, digest } = prepare("split", seed, inputs, options ?? {})
  const { total, n, min_share: minShare } = canonical.params
  const spare = total - n * minShare
  const slots = spare + n - 1
  const bars = n - 1
  const chosen = new Set<number>()
  for (let j = slots - bars; j < slots; j++) {
    const t = uniformInt(stream, j + 1)
    chosen.add(chosen.has(t) ? j : t)
  }
  const sorted = Array.from(chosen).sort((a, b) => a - b)
  const shares: number[] = []
  let previous = -1
  for (const bar of sorted) {
    shares.push(minShare + (bar - previous - 1))
    previous = bar
  }
  shares.push(minShare + (slots - 1 - previous))
  const outcome: SplitOutcome = { shares }
  return withDigest(outcome, digest) as Outcome<"split", O>
}

/** r = uniformInt(sum(weights)); index = first i with r < weights[0] + ... + weights[i]. */
export function weightedDraw<O extends DrawOptions = {}>(
  seed: string,
  inputs: DrawInputs<"weighted"> | unknown,
  options?: O
): Outcome<"weighted", O> {
  const { canonical, stream, digest } = prepare("weighted", seed, inputs, options ?? {})
  const { weights } = canonical.params
  const sum = weights.reduce((a, b) => a + b, 0)
  let r = uniformInt(stream, sum)
  for (let i = 0; i < weights.length; i++) {
    if (r < weights[i]) {
      const outcome: WeightedOutcome = { index: i }
      return withDigest(outcome, digest) as Outcome<"weighted", O>
    }
    r -= weights[i]
  }
  /* istanbul ignore next -- unreachable: r < sum */
  throw new Error("weightedDraw: internal error")
}

const DRAWS: { [K in DrawKind]: (seed: string, inputs: unknown, options: DrawOptions) => unknown } = {
  pick: pickDraw,
  position: positionDraw,
  split: splitDraw,
  weighted: weightedDraw,
}

/**
 * Run a draw of the given kind: the current version (v2) unless `options.version` says
 * otherwise, within `options.chain` when the seed belongs to one. Throws DrawInputError
 * on invalid inputs.
 */
export function runDraw<K extends DrawKind, O extends DrawOptions = {}>(
  kind: K,
  seed: string,
  inputs: DrawInputs<K> | unknown,
  options?: O
): Outcome<K, O> {
  assertDrawKind(kind)
  return DRAWS[kind](seed, inputs, options ?? {}) as Outcome<K, O>
}
