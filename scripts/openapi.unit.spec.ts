/**
 * Route coverage: every Fission Store and Admin route file × exported method must be in the
 * checked-in OpenAPI document (openapi/fission.openapi.json), and every Store one must have a
 * method in the storefront SDK (`ROUTES` of packages/js-sdk). The routes are found here on
 * their own (file walk + a regex on the exports), not through the generator under test.
 */
import { execFileSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { ROUTES } from "../packages/js-sdk/src/routes"
import { Fission } from "../packages/js-sdk/src/fission"

const ROOT = path.resolve(__dirname, "..")
const DOC_PATH = path.join(ROOT, "openapi/fission.openapi.json")
const doc = JSON.parse(fs.readFileSync(DOC_PATH, "utf8"))

type Route = { scope: "store" | "admin"; method: string; path: string; file: string }

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? walk(p) : e.name === "route.ts" ? [p] : []
  })
}

function routes(): Route[] {
  const out: Route[] = []
  for (const plugin of fs.readdirSync(path.join(ROOT, "plugins"))) {
    const api = path.join(ROOT, "plugins", plugin, "src/api")
    for (const scope of ["store", "admin"] as const) {
      for (const file of walk(path.join(api, scope, "fission"))) {
        const route =
          "/" +
          path
            .relative(api, path.dirname(file))
            .split(path.sep)
            .map((s) => s.replace(/^\[(.+)\]$/, ":$1"))
            .join("/")
        const source = fs.readFileSync(file, "utf8")
        const methods = new Set(
          [...source.matchAll(/^export\s+(?:const|let|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/gm)].map((m) => m[1])
        )
        for (const method of methods) out.push({ scope, method, path: route, file: path.relative(ROOT, file) })
      }
    }
  }
  return out
}

const ALL = routes()
const toOpenApiPath = (p: string) => p.replace(/:(\w+)/g, "{$1}")
const key = (r: Route) => `${r.method} ${r.path}`

describe("route coverage", () => {
  it("finds the suite's routes", () => {
    expect(ALL.filter((r) => r.scope === "store").length).toBeGreaterThanOrEqual(47)
    expect(ALL.filter((r) => r.scope === "admin").length).toBeGreaterThanOrEqual(78)
  })

  it("every route + method is in the checked-in OpenAPI document (run `npm run openapi`)", () => {
    const missing = ALL.filter((r) => !doc.paths?.[toOpenApiPath(r.path)]?.[r.method.toLowerCase()]).map((r) => `${key(r)} (${r.file})`)
    expect(missing).toEqual([])
  })

  it("the OpenAPI document has no operation without a route file", () => {
    const known = new Set(ALL.map((r) => `${r.method.toLowerCase()} ${toOpenApiPath(r.path)}`))
    const extra = Object.entries<Record<string, unknown>>(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops)
        .map((m) => `${m} ${p}`)
        .filter((k) => !known.has(k))
    )
    expect(extra).toEqual([])
  })

  it("every Store route + method has an SDK method (ROUTES in packages/js-sdk/src/routes.ts)", () => {
    const routesMap = ROUTES as Record<string, string>
    const missing = ALL.filter((r) => r.scope === "store" && !routesMap[key(r)]).map((r) => `${key(r)} (${r.file})`)
    expect(missing).toEqual([])
    const stale = Object.keys(routesMap).filter((k) => !ALL.some((r) => r.scope === "store" && key(r) === k))
    expect(stale).toEqual([])
  })

  it("each ROUTES entry names a function of the Fission client", () => {
    const fission = new Fission({ config: { baseUrl: "http://localhost:9000" } } as any, { fetch: (async () => new Response("{}")) as any })
    const notFunctions = Object.entries(ROUTES as Record<string, string>).filter(
      ([, m]) => typeof m.split(".").reduce<any>((o, k) => o?.[k], fission) !== "function"
    )
    expect(notFunctions).toEqual([])
  })
})

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 with the store and admin security schemes", () => {
    expect(doc.openapi).toMatch(/^3\.1\./)
    expect(doc.components.securitySchemes.publishableKey).toEqual(expect.objectContaining({ type: "apiKey", in: "header", name: "x-publishable-api-key" }))
    for (const r of ALL) {
      const op = doc.paths[toOpenApiPath(r.path)][r.method.toLowerCase()]
      const schemes = op.security.flatMap((s: Record<string, unknown>) => Object.keys(s))
      if (r.scope === "store") {
        // every alternative carries the publishable key
        expect(op.security.every((s: Record<string, unknown>) => "publishableKey" in s)).toBe(true)
      } else {
        expect(schemes).toEqual(expect.arrayContaining(["adminBearer", "adminSession"]))
      }
      for (const p of r.path.matchAll(/:(\w+)/g)) {
        expect(op.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: p[1], in: "path", required: true })]))
      }
    }
  })

  it("carries query and body validators and customer auth (wallet history, withdrawals)", () => {
    const history = doc.paths["/store/fission/wallet/history"].get
    const asset = history.parameters.find((p: any) => p.name === "asset" && p.in === "query")
    expect(asset.schema.enum).toEqual(expect.arrayContaining(["points", "commission"]))
    expect(history.security).toEqual(expect.arrayContaining([{ publishableKey: [], customerBearer: [] }]))
    expect(history.security).not.toContainEqual({ publishableKey: [] })

    const create = doc.paths["/store/fission/withdrawals"].post
    const ref: string = create.requestBody.content["application/json"].schema.$ref
    const schema = doc.components.schemas[ref.split("/").pop()!]
    expect(schema.required).toEqual(expect.arrayContaining(["amount", "method"]))

    // a public route has the publishable key alone
    expect(doc.paths["/store/fission/group-draws"].get.security).toEqual([{ publishableKey: [] }])
  })

  it("is up to date with the route files and validators (`node scripts/openapi.mjs --check`)", () => {
    let output = ""
    try {
      output = execFileSync(process.execPath, [path.join(ROOT, "scripts/openapi.mjs"), "--check"], { cwd: ROOT, encoding: "utf8", stdio: "pipe" })
    } catch (e: any) {
      throw new Error(`openapi document or SDK types are stale — run \`npm run openapi\`\n${e.stdout ?? ""}${e.stderr ?? ""}`)
    }
    expect(output).toMatch(/up to date/)
  })
})
