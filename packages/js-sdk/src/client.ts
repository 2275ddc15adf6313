import type Medusa from "@medusajs/js-sdk"
import type { Client } from "@medusajs/js-sdk"
import type { StoreOperations, StoreRouteKey } from "./generated/types"

export const PUBLISHABLE_KEY_HEADER = "x-publishable-api-key"

/**
 * An error answer of the Store API with Medusa's error body kept:
 * `status` (HTTP), `type` (`invalid_data`, `not_found`, `not_allowed`, `unauthorized`, …),
 * `message` (names the field for bad input) and the whole parsed `body`.
 * (`@medusajs/js-sdk`'s `FetchError` keeps only the message.)
 */
export class FissionError extends Error {
  readonly name = "FissionError"
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly body: unknown,
    readonly code?: string
  ) {
    super(message)
  }

  static is(e: unknown): e is FissionError {
    return e instanceof FissionError || (!!e && (e as any).name === "FissionError" && typeof (e as any).status === "number")
  }
}

/** Per-call options: extra headers (a `null` value removes a header), abort signal, raw fetch init. */
export type RequestOptions = {
  headers?: Record<string, string | null>
  signal?: AbortSignal
  /** Merged into the `fetch` init, e.g. Next.js `{ next: { revalidate: 60 } }` or `{ cache: "no-store" }`. */
  fetchInit?: Record<string, unknown>
}

export type FissionOptions = {
  /** `fetch` to use (default `globalThis.fetch`): a test double, or a framework's patched fetch. */
  fetch?: typeof fetch
}

type Op<K extends StoreRouteKey> = StoreOperations[K]
export type FissionResponse<K extends StoreRouteKey> = Op<K>["response"]
export type FissionQuery<K extends StoreRouteKey> = Op<K>["query"]
export type FissionBody<K extends StoreRouteKey> = Op<K>["body"]

export type CallArgs = {
  params?: Record<string, string>
  query?: Record<string, unknown>
  body?: unknown
}

/** What `@medusajs/js-sdk`'s Client keeps private; read to send exactly the headers `client.fetch` would. */
type ClientInternals = {
  config?: {
    baseUrl?: string
    publishableKey?: string
    apiKey?: string
    globalHeaders?: Record<string, string | null>
    auth?: { type?: "jwt" | "session"; fetchCredentials?: "include" | "omit" | "same-origin" }
  }
  locale?: string
  getJwtHeader_?: () => Promise<Record<string, string>>
  getApiKeyHeader_?: () => Record<string, string>
  getPublishableKeyHeader_?: () => Record<string, string>
}

/** Query string the way Medusa (qs) reads it: `a=1&b[0]=x&c[d]=y`; null/undefined skipped. */
export function encodeQuery(query: Record<string, unknown> | undefined): string {
  const parts: string[] = []
  const add = (key: string, value: unknown) => {
    if (value === undefined || value === null) return
    if (Array.isArray(value)) return value.forEach((v, i) => add(`${key}[${i}]`, v))
    if (value instanceof Date) return parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(value.toISOString())}`)
    if (typeof value === "object") {
      return Object.entries(value as Record<string, unknown>).forEach(([k, v]) => add(`${key}[${k}]`, v))
    }
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  }
  for (const [k, v] of Object.entries(query ?? {})) add(k, v)
  return parts.join("&")
}

/** `/store/fission/withdrawals/:id` + `{ id: "wd_1" }` → `/store/fission/withdrawals/wd_1`. */
export function fillPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name]
    if (typeof value !== "string" || !value) throw new TypeError(`Fission: path parameter "${name}" is required for ${template}`)
    return encodeURIComponent(value)
  })
}

/**
 * The low-level transport: builds the headers `sdk.client.fetch` would send (publishable key,
 * JWT or session credentials, locale, global headers), calls `fetch` itself, and throws
 * {@link FissionError} with Medusa's error body on a non-2xx answer.
 */
export class FissionTransport {
  private readonly fetchImpl: typeof fetch

  constructor(readonly client: Client, options: FissionOptions = {}) {
    if (!options.fetch && typeof globalThis.fetch !== "function") throw new Error("Fission: no fetch available; pass { fetch } in the options")
    // called through a closure: browsers refuse `fetch` called as a method of another object ("Illegal invocation")
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  }

  private get internals(): ClientInternals {
    return this.client as unknown as ClientInternals
  }

  async headers(extra?: Record<string, string | null>): Promise<Headers> {
    const c = this.internals
    const config = c.config ?? {}
    const headers = new Headers({ "content-type": "application/json", accept: "application/json" })
    const base: Record<string, string> = {
      ...(c.getApiKeyHeader_?.() ??
        (config.apiKey ? { Authorization: "Basic " + toBase64(config.apiKey + ":") } : {})),
      ...(c.getPublishableKeyHeader_?.() ?? (config.publishableKey ? { [PUBLISHABLE_KEY_HEADER]: config.publishableKey } : {})),
    }
    for (const [k, v] of Object.entries(base)) headers.set(k, v)
    const locale = safe(() => this.client.locale)
    if (locale) headers.set("x-medusa-locale", locale)
    let jwt: Record<string, string> = {}
    if (config.auth?.type !== "session") {
      if (c.getJwtHeader_) jwt = await c.getJwtHeader_.call(this.client)
      else {
        const token = await this.client.getToken()
        if (token) jwt = { Authorization: `Bearer ${token}` }
      }
    }
    const custom: Record<string, string | null> = { ...config.globalHeaders, ...jwt, ...extra }
    for (const [k, v] of Object.entries(custom)) {
      if (v === null || v === undefined) headers.delete(k)
      else headers.set(k, v)
    }
    return headers
  }

  url(path: string, query?: Record<string, unknown>): string {
    let baseUrl = this.internals.config?.baseUrl ?? ""
    if ((baseUrl === "" || baseUrl === "/") && typeof window !== "undefined") baseUrl = window.location.origin
    if (!baseUrl) throw new Error("Fission: the Medusa client has no baseUrl")
    const u = new URL(baseUrl)
    u.pathname = `${u.pathname.replace(/\/$/, "")}/${path.replace(/^\//, "")}`
    u.search = encodeQuery(query)
    return u.toString()
  }

  async request<T>(method: string, path: string, args: Omit<CallArgs, "params"> = {}, options: RequestOptions = {}): Promise<T> {
    const headers = await this.headers(options.headers)
    const credentials = this.internals.config?.auth?.type === "session" ? this.internals.config.auth.fetchCredentials || "include" : "omit"
    const init: Record<string, unknown> = {
      method,
      headers,
      ...(typeof Request !== "undefined" && "credentials" in Request.prototype ? { credentials } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...options.fetchInit,
    }
    const sendsBody = args.body !== undefined || method === "POST"
    if (sendsBody) init.body = JSON.stringify(args.body ?? {})
    const res = await this.fetchImpl(this.url(path, args.query), init as RequestInit)
    if (!res.ok) throw await toError(res)
    const type = res.headers.get("content-type") ?? ""
    if (res.status === 204) return undefined as T
    if (type.includes("json")) return (await res.json()) as T
    return (await res.blob()) as T
  }
}

async function toError(res: Response): Promise<FissionError> {
  const text = await res.text().catch(() => "")
  let body: any = text
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    /* not JSON: keep the text */
  }
  const message = (body && typeof body === "object" && typeof body.message === "string" && body.message) || res.statusText || `HTTP ${res.status}`
  const type = (body && typeof body === "object" && typeof body.type === "string" && body.type) || statusType(res.status)
  const code = body && typeof body === "object" && typeof body.code === "string" ? body.code : undefined
  return new FissionError(res.status, type, message, body, code)
}

function statusType(status: number): string {
  if (status === 400) return "invalid_data"
  if (status === 401) return "unauthorized"
  if (status === 403) return "forbidden"
  if (status === 404) return "not_found"
  if (status === 409) return "conflict"
  return status >= 500 ? "unknown_error" : "not_allowed"
}

function toBase64(s: string): string {
  if (typeof btoa === "function") return btoa(s)
  return (globalThis as any).Buffer.from(s).toString("base64")
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f()
  } catch {
    return undefined
  }
}

/** Accepts a `Medusa` instance or its `client`. */
export function clientOf(sdk: Medusa | Client): Client {
  return (sdk as Medusa).client ?? (sdk as Client)
}

/** Method + path of a route key: `"GET /store/fission/referral"` → `["GET", "/store/fission/referral"]`. */
export function splitKey(key: StoreRouteKey): [string, string] {
  const i = key.indexOf(" ")
  return [key.slice(0, i), key.slice(i + 1)]
}
