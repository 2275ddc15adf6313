import { SweepRequest } from "./inputs"

export type SweepResult = SweepRequest & { status: number; message?: string }

/** Sends the requests `parallel` at a time and returns every response (never throws on a status). */
export async function sendAll(api: any, requests: SweepRequest[], headers: Record<string, string>, parallel = 4): Promise<SweepResult[]> {
  const results: SweepResult[] = new Array(requests.length)
  let next = 0
  const worker = async () => {
    while (next < requests.length) {
      const i = next++
      const r = requests[i]
      const res = await api.request({
        method: r.method,
        url: r.url,
        headers: r.data === undefined ? headers : { ...headers, "content-type": "application/json" },
        // raw JSON so NUL bytes, 1e308 and non-object bodies reach the server as written
        data: r.data === undefined ? undefined : JSON.stringify(r.data),
        transformRequest: [(d: unknown) => d],
        validateStatus: () => true,
      })
      results[i] = { ...r, status: res.status, message: typeof res.data?.message === "string" ? res.data.message.slice(0, 200) : undefined }
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker))
  return results
}

/** Drops what changes without anyone changing data (clocks), keeping everything else comparable. */
export function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable)
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !VOLATILE.has(k))
        .map(([k, v]) => [k, stable(v)])
    )
  }
  return value
}
const VOLATILE = new Set(["checked_at", "generated_at", "server_time", "now", "seconds_left", "remaining_seconds"])

/** Where two JSON values differ, as `path: before → after` lines (at most `max`). */
export function differences(a: unknown, b: unknown, max = 5, at = ""): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return []
  const isObj = (v: unknown) => v !== null && typeof v === "object"
  if (!isObj(a) || !isObj(b)) return [`${at || "."}: ${JSON.stringify(a)?.slice(0, 120)} → ${JSON.stringify(b)?.slice(0, 120)}`]
  const out: string[] = []
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)])
  for (const k of keys) {
    out.push(...differences((a as any)[k], (b as any)[k], max - out.length, `${at}.${k}`))
    if (out.length >= max) break
  }
  return out
}
