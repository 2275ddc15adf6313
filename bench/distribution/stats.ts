// Latency bookkeeping for the distribution benchmark (nearest-rank percentiles).
import { performance } from "node:perf_hooks"

export const nowMs = () => performance.now()
export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits

export type LatencySummary = { count: number; p50_ms: number; p90_ms: number; p99_ms: number; max_ms: number; mean_ms: number }

export function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

export function latencySummary(samples: number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    count: sorted.length,
    p50_ms: round(percentile(sorted, 50)),
    p90_ms: round(percentile(sorted, 90)),
    p99_ms: round(percentile(sorted, 99)),
    max_ms: round(sorted[sorted.length - 1] ?? NaN),
    mean_ms: round(sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1)),
  }
}

/** Runs `fn` for each input in order, timing each call; returns the samples (ms). */
export async function timeEach<T, R>(inputs: T[], fn: (input: T, index: number) => Promise<R>, check?: (result: R, input: T) => void) {
  const samples: number[] = []
  for (let i = 0; i < inputs.length; i++) {
    const t = nowMs()
    const result = await fn(inputs[i], i)
    samples.push(nowMs() - t)
    check?.(result, inputs[i])
  }
  return samples
}
