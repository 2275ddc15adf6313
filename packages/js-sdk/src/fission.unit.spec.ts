import Medusa from "@medusajs/js-sdk"
import { Fission, FissionError, ROUTES, STORE_ROUTE_KEYS, withFission, encodeQuery, fillPath } from "./index"

type Call = { url: URL; method: string; headers: Headers; body: any; init: RequestInit }

/** A fetch double: records every call and answers with the next queued response (default 200 `{ ok: true }`). */
function mockFetch() {
  const calls: Call[] = []
  const queue: Response[] = []
  const fetch = jest.fn(async (input: any, init: RequestInit = {}) => {
    calls.push({
      url: new URL(String(input)),
      method: String(init.method),
      headers: new Headers(init.headers as HeadersInit),
      body: typeof init.body === "string" ? JSON.parse(init.body) : init.body,
      init,
    })
    return queue.shift() ?? json(200, { ok: true })
  })
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls, reply: (r: Response) => queue.push(r) }
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", ...headers } })

const PK = "pk_test_123"

function setup(config: Partial<ConstructorParameters<typeof Medusa>[0]> = {}) {
  const sdk = new Medusa({
    baseUrl: "http://shop.test:9000",
    publishableKey: PK,
    auth: { type: "jwt", jwtTokenStorageMethod: "memory" },
    ...config,
  })
  const mock = mockFetch()
  return { sdk, ...mock, fission: new Fission(sdk, { fetch: mock.fetch }) }
}

describe("@fission/js-sdk requests", () => {
  it("GET with no input: URL, method, JSON accept and the publishable key header", async () => {
    const { fission, calls, reply } = setup()
    reply(json(200, { referral: { code: "ABC123" } }))
    const out = await fission.referral.retrieve()
    expect(out.referral.code).toBe("ABC123")
    expect(calls).toHaveLength(1)
    expect(calls[0].method).toBe("GET")
    expect(calls[0].url.toString()).toBe("http://shop.test:9000/store/fission/referral")
    expect(calls[0].headers.get("x-publishable-api-key")).toBe(PK)
    expect(calls[0].headers.get("accept")).toBe("application/json")
    expect(calls[0].headers.get("authorization")).toBeNull()
    expect(calls[0].body).toBeUndefined()
  })

  it("query string: wallet.history({ asset, cursor }) encodes the query, skips undefined", async () => {
    const { fission, calls } = setup()
    await fission.wallet.history({ asset: "points", cursor: "c_1/2", limit: undefined })
    expect(calls[0].url.pathname).toBe("/store/fission/wallet/history")
    expect(calls[0].url.search).toBe("?asset=points&cursor=c_1%2F2")
    expect(Object.fromEntries(calls[0].url.searchParams)).toEqual({ asset: "points", cursor: "c_1/2" })
  })

  it("path params and JSON body: groupDraws.openGroup(id, body)", async () => {
    const { fission, calls, reply } = setup()
    reply(json(201, { group: { id: "gdg_1" } }))
    const out = await fission.groupDraws.openGroup("gdc_01 A", { group_size: 3, visibility: "private" })
    expect(out.group.id).toBe("gdg_1")
    expect(calls[0].method).toBe("POST")
    expect(calls[0].url.pathname).toBe("/store/fission/group-draws/gdc_01%20A/groups")
    expect(calls[0].headers.get("content-type")).toBe("application/json")
    expect(calls[0].body).toEqual({ group_size: 3, visibility: "private" })
  })

  it("POST without input sends an empty JSON object; DELETE sends its body", async () => {
    const { fission, calls } = setup()
    await fission.checkIns.create()
    await fission.tasks.claim("task_1")
    await fission.points.removeFromCart("cart_1", { line_item_id: "cali_1" })
    expect(calls.map((c) => [c.method, c.url.pathname, c.body])).toEqual([
      ["POST", "/store/fission/check-ins", {}],
      ["POST", "/store/fission/tasks/task_1/claim", {}],
      ["DELETE", "/store/fission/carts/cart_1/points", { line_item_id: "cali_1" }],
    ])
  })

  it("sends the logged-in customer's JWT from the Medusa client", async () => {
    const { sdk, fission, calls } = setup()
    await sdk.client.setToken("jwt-abc")
    await fission.wallet.retrieve()
    expect(calls[0].headers.get("authorization")).toBe("Bearer jwt-abc")
    expect(calls[0].init.credentials).toBe("omit")
  })

  it("session auth: no bearer, credentials included; global and per-call headers applied", async () => {
    const { fission, calls } = setup({ auth: { type: "session" }, globalHeaders: { "x-tenant": "t1" } })
    await fission.membership.retrieve({ headers: { "x-extra": "1", "x-tenant": null } })
    expect(calls[0].headers.get("authorization")).toBeNull()
    expect(calls[0].init.credentials).toBe("include")
    expect(calls[0].headers.get("x-extra")).toBe("1")
    expect(calls[0].headers.get("x-tenant")).toBeNull()
    expect(calls[0].headers.get("x-publishable-api-key")).toBe(PK)
  })

  it("keeps a base URL path prefix and passes fetchInit through", async () => {
    const { fission, calls } = setup({ baseUrl: "https://api.example.com/medusa/" })
    await fission.presales.draws("ps_1", { limit: 5, offset: 10 }, { fetchInit: { cache: "no-store" } })
    expect(calls[0].url.toString()).toBe("https://api.example.com/medusa/store/fission/presales/ps_1/draws?limit=5&offset=10")
    expect(calls[0].init.cache).toBe("no-store")
  })

  it("the poster comes back as a Blob", async () => {
    const { fission, calls, reply } = setup()
    reply(new Response(new Uint8Array([137, 80, 78, 71]), { status: 200, headers: { "content-type": "image/png" } }))
    const png = await fission.referral.poster()
    expect(png).toBeInstanceOf(Blob)
    expect((png as Blob).size).toBe(4)
    expect(calls[0].headers.get("accept")).toBe("image/png")
  })
})

describe("FissionError", () => {
  it("keeps Medusa's error body: status, type, message and body", async () => {
    const { fission, reply } = setup()
    const body = { type: "invalid_data", message: "Invalid request: Field 'amount' is required", code: "x" }
    reply(json(400, body))
    const err = await fission.withdrawals.create({ amount: "", method: "alipay" }).catch((e) => e)
    expect(err).toBeInstanceOf(FissionError)
    expect(FissionError.is(err)).toBe(true)
    expect(err.status).toBe(400)
    expect(err.type).toBe("invalid_data")
    expect(err.message).toBe("Invalid request: Field 'amount' is required")
    expect(err.code).toBe("x")
    expect(err.body).toEqual(body)
  })

  it("401 / 404 and a non-JSON error body", async () => {
    const { fission, reply } = setup()
    reply(json(401, { type: "unauthorized", message: "Unauthorized" }))
    reply(new Response("upstream down", { status: 502, statusText: "Bad Gateway" }))
    const unauthorized = await fission.wallet.retrieve().catch((e) => e)
    expect([unauthorized.status, unauthorized.type, unauthorized.message]).toEqual([401, "unauthorized", "Unauthorized"])
    const bad = await fission.compliance.retrieve().catch((e) => e)
    expect([bad.status, bad.type, bad.message, bad.body]).toEqual([502, "unknown_error", "Bad Gateway", "upstream down"])
  })
})

describe("withFission and helpers", () => {
  it("withFission(sdk) attaches sdk.fission on the same client", async () => {
    const mock = mockFetch()
    const sdk = withFission(new Medusa({ baseUrl: "http://localhost:9000", publishableKey: PK }), { fetch: mock.fetch })
    expect(sdk.fission).toBeInstanceOf(Fission)
    await sdk.fission.groupDraws.retrieve("gdc_1")
    expect(mock.calls[0].url.toString()).toBe("http://localhost:9000/store/fission/group-draws/gdc_1")
  })

  it("encodeQuery follows qs (indices, nested) and fillPath refuses a missing param", () => {
    expect(encodeQuery({ a: 1, b: ["x", "y"], c: { d: true }, e: null })).toBe("a=1&b%5B0%5D=x&b%5B1%5D=y&c%5Bd%5D=true")
    expect(fillPath("/store/fission/groups/:group_id", { group_id: "g/1" })).toBe("/store/fission/groups/g%2F1")
    expect(() => fillPath("/store/fission/withdrawals/:id", {})).toThrow(/path parameter "id"/)
  })
})

describe("ROUTES: one SDK method per Store route", () => {
  const resolve = (fission: Fission, method: string) =>
    method.split(".").reduce<any>((o, k) => (o == null ? undefined : o[k]), fission)

  it("maps every generated route key, and nothing else", () => {
    expect(Object.keys(ROUTES).sort()).toEqual([...STORE_ROUTE_KEYS].sort())
  })

  it.each(Object.entries(ROUTES))("%s → fission.%s calls exactly that route", async (key, method) => {
    const { fission, calls } = setup()
    const fn = resolve(fission, method)
    expect(typeof fn).toBe("function")
    const [verb, template] = [key.slice(0, key.indexOf(" ")), key.slice(key.indexOf(" ") + 1)]
    const params = [...template.matchAll(/:(\w+)/g)].map((m) => m[1])
    await fn(...params.map((p) => `${p}_value`))
    expect(calls).toHaveLength(1)
    expect(calls[0].method).toBe(verb)
    expect(calls[0].url.pathname).toBe(template.replace(/:(\w+)/g, (_, p) => `${p}_value`))
    expect(calls[0].headers.get("x-publishable-api-key")).toBe(PK)
  })
})

describe("default fetch", () => {
  it("calls globalThis.fetch as a plain function, as browsers require (no 'Illegal invocation')", async () => {
    const original = globalThis.fetch
    const receivers: unknown[] = []
    // like a browser's fetch: refuses to run as a method of anything but the global object
    globalThis.fetch = function (this: unknown) {
      receivers.push(this)
      if (this !== undefined && this !== globalThis) throw new TypeError("Failed to execute 'fetch' on 'Window': Illegal invocation")
      return Promise.resolve(json(200, { referral: { code: "ABC" } }))
    } as any
    try {
      const sdk = new Medusa({ baseUrl: "http://shop.test:9000", publishableKey: PK, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })
      const { fission } = withFission(sdk)
      await expect(fission.referral.retrieve()).resolves.toMatchObject({ referral: { code: "ABC" } })
      expect(receivers).toHaveLength(1)
    } finally {
      globalThis.fetch = original
    }
  })
})
