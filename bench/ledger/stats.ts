import fs from "node:fs"

export const nowMs = () => Number(process.hrtime.bigint()) / 1e6

export const round = (n: number | null, digits = 2) =>
  n === null || !Number.isFinite(n) ? null : Math.round(n * 10 ** digits) / 10 ** digits

/** Nearest-rank percentile of an ascending array. */
export const percentile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] : null

export function latencySummary(latenciesMs: number[]) {
  const sorted = [...latenciesMs].sort((a, b) => a - b)
  const mean = sorted.length ? sorted.reduce((s, x) => s + x, 0) / sorted.length : null
  return {
    count: sorted.length,
    p50_ms: round(percentile(sorted, 0.5)),
    p99_ms: round(percentile(sorted, 0.99)),
    max_ms: round(sorted.length ? sorted[sorted.length - 1] : null),
    mean_ms: round(mean),
  }
}

function machineTicks() {
  try {
    const [cpu] = fs.readFileSync("/proc/stat", "utf8").split("\n")
    const ticks = cpu.trim().split(/\s+/).slice(1).map(Number)
    const idle = ticks[3] + (ticks[4] ?? 0) // idle + iowait
    return { total: ticks.reduce((s, x) => s + x, 0), idle }
  } catch {
    return null
  }
}

/**
 * CPU use over a phase: this Node process (100 = one core saturated, which is
 * the ceiling for a single-threaded driver) and the whole machine (Postgres
 * included when it runs here; 100 = every core busy).
 */
export function cpuSampler() {
  const wall0 = nowMs()
  const proc0 = process.cpuUsage()
  const machine0 = machineTicks()
  return () => {
    const wallMs = nowMs() - wall0
    const proc = process.cpuUsage(proc0)
    const machine1 = machineTicks()
    const busy =
      machine0 && machine1
        ? 1 - (machine1.idle - machine0.idle) / Math.max(1, machine1.total - machine0.total)
        : null
    const procMs = (proc.user + proc.system) / 1000
    return {
      node_process_cpu_ms: round(procMs, 0),
      node_process_cpu_pct: round((procMs / wallMs) * 100, 0),
      machine_cpu_busy_pct: busy === null ? null : round(busy * 100, 0),
    }
  }
}

/**
 * Runs `workers` loops calling `call(worker, i)` until `seconds` have passed
 * (a call in flight at the deadline finishes and counts). Returns the calls'
 * latencies, the error count and the wall time to the last call's end.
 */
export async function runFor(
  seconds: number,
  workers: number,
  call: (worker: number, i: number) => Promise<unknown>
) {
  const start = nowMs()
  const deadline = start + seconds * 1000
  const latencies: number[] = []
  let errors = 0
  let firstError: unknown = null
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; nowMs() < deadline; i++) {
        const t0 = nowMs()
        try {
          await call(w, i)
          latencies.push(nowMs() - t0)
        } catch (e) {
          errors++
          firstError ??= e
        }
      }
    })
  )
  return { latencies, errors, firstError, elapsedS: (nowMs() - start) / 1000 }
}

/** A non-negative whole number from the environment (a bench parameter), else `fallback`. */
export function intEnv(name: string, fallback: number) {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer`)
  return value
}

/**
 * One measured phase of single postings: `runFor` with the machine's CPU sampled around it,
 * summarised the way every ledger bench reports a phase.
 */
export async function postingPhase(seconds: number, workers: number, post: (worker: number, i: number) => Promise<unknown>) {
  const cpu = cpuSampler()
  const r = await runFor(seconds, workers, post)
  const c = cpu()
  const n = r.latencies.length
  return {
    firstError: r.firstError,
    figures: {
      postings: n,
      errors: r.errors,
      seconds: round(r.elapsedS),
      postings_per_s: round(n / r.elapsedS, 0),
      latency: latencySummary(r.latencies),
      node_cpu_ms_per_posting: n && c.node_process_cpu_ms !== null ? round(c.node_process_cpu_ms / n, 3) : null,
      machine_cpu_busy_pct: c.machine_cpu_busy_pct,
    },
  }
}
