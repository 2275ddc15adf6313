import { assertDrawKind, normalizeInputs } from "./canonical-message"
import { stableStringify } from "./canonical-json"
import { RandomStream, uniformInt } from "./random-stream"
import {
  CanonicalDrawInputs,
  DrawInputs,
  DrawKind,
  DrawOutcomeByKind,
  PickOutcome,
  PositionOutcome,
  SplitOutcome,
  WeightedOutcome,
} from "./types"

function prepare<K extends DrawKind>(
  kind: K,
  seed: string,
  inputs: DrawInputs<K> | unknown
): { canonical: CanonicalDrawInputs<K>; stream: RandomStream } {
  const canonical = normalizeInputs(kind, inputs)
  return { canonical, stream: new RandomStream(seed, stableStringify(canonical)) }
}

/**
 * K distinct winners of N ordered participants: partial Fisher–Yates on the
 * index list [0..N-1]: for i = 0..K-1, j = i + uniformInt(N - i), swap a[i], a[j];
 * winners are a[0..K-1] in that order.
 */
export function pickDraw(seed: string, inputs: DrawInputs<"pick"> | unknown): PickOutcome {
  const { canonical, stream } = prepare("pick", seed, inputs)
  const { k, n } = canonical.params
  const order = Array.from({ length: n }, (_, i) => i)
  for (let i = 0; i < k; i++) {
    const j = i + uniformInt(stream, n - i)
    const tmp = order[i]
    order[i] = order[j]
    order[j] = tmp
  }
  const winnerIndexes = order.slice(0, k)
  return {
    winners: winnerIndexes.map((i) => canonical.participants[i].id),
    winner_indexes: winnerIndexes,
  }
}

/** position = min + uniformInt(max - min + 1). */
export function positionDraw(seed: string, inputs: DrawInputs<"position"> | unknown): PositionOutcome {
  const { canonical, stream } = prepare("position", seed, inputs)
  const { min, max } = canonical.params
  return { position: min + uniformInt(stream, max - min + 1) }
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
export function splitDraw(seed: string, inputs: DrawInputs<"split"> | unknown): SplitOutcome {
  const { canonical, stream } = prepare("split", seed, inputs)
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
  return { shares }
}

/** r = uniformInt(sum(weights)); index = first i with r < weights[0] + ... + weights[i]. */
export function weightedDraw(seed: string, inputs: DrawInputs<"weighted"> | unknown): WeightedOutcome {
  const { canonical, stream } = prepare("weighted", seed, inputs)
  const { weights } = canonical.params
  const sum = weights.reduce((a, b) => a + b, 0)
  let r = uniformInt(stream, sum)
  for (let i = 0; i < weights.length; i++) {
    if (r < weights[i]) {
      return { index: i }
    }
    r -= weights[i]
  }
  /* istanbul ignore next -- unreachable: r < sum */
  throw new Error("weightedDraw: internal error")
}

const DRAWS: { [K in DrawKind]: (seed: string, inputs: unknown) => DrawOutcomeByKind[K] } = {
  pick: pickDraw,
  position: positionDraw,
  split: splitDraw,
  weighted: weightedDraw,
}

/** Run a draw of the given kind. Throws DrawInputError on invalid inputs. */
export function runDraw<K extends DrawKind>(
  kind: K,
  seed: string,
  inputs: DrawInputs<K> | unknown
): DrawOutcomeByKind[K] {
  assertDrawKind(kind)
  const draw = DRAWS[kind] as (seed: string, inputs: unknown) => DrawOutcomeByKind[K]
  return draw(seed, inputs)
}
