#!/usr/bin/env node
/**
 * Builds `openapi/fission.openapi.json` (OpenAPI 3.1) of every Fission Store and Admin route,
 * and the request/response types of the storefront SDK (`packages/js-sdk/src/generated/types.ts`),
 * from the sources themselves:
 *
 * - routes: every `plugins/<plugin>/src/api/{store,admin}/fission/**\/route.ts`; its exported
 *   GET/POST/PUT/PATCH/DELETE handlers are the methods, `[param]` folders are path parameters, the
 *   handler's JSDoc is the description and the top-level keys of its `res.json({...})` the response;
 * - validation: each plugin's `src/api/middlewares.ts` is loaded with `validateAndTransformQuery`,
 *   `validateAndTransformBody` and `authenticate` replaced by recorders, so the zod schemas that
 *   guard a route+method (matched the way Express/Medusa matches them) become its query parameters
 *   and request body (`z.toJSONSchema(schema, { io: "input" })`), and an `authenticate("customer")`
 *   on it becomes the customer security requirement.
 *
 * Usage: `npm run openapi` (writes both files), `node scripts/openapi.mjs --check` (exits 1 when a
 * checked-in file is out of date).
 */
import fs from "node:fs"
import path from "node:path"
import Module, { createRequire } from "node:module"
import { fileURLToPath } from "node:url"

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const require = createRequire(path.join(ROOT, "package.json"))
const OUT_DOC = path.join(ROOT, "openapi/fission.openapi.json")
const OUT_TYPES = path.join(ROOT, "packages/js-sdk/src/generated/types.ts")
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]

// ---------------------------------------------------------------- loading TypeScript sources
const swc = require("@swc/core")
const ts = require("typescript")

function registerTypeScript() {
  require.extensions[".ts"] = (module, filename) => {
    const source = fs.readFileSync(filename, "utf8")
    const { code } = swc.transformSync(source, {
      filename,
      jsc: {
        parser: { syntax: "typescript", decorators: true },
        target: "es2021",
        transform: { legacyDecorator: true, decoratorMetadata: false },
      },
      module: { type: "commonjs" },
      sourceMaps: false,
    })
    module._compile(code, filename)
  }
  // `@fission/<plugin>/<sub>` points at the (maybe unbuilt) `.medusa/server`: use the sources.
  const resolve = Module._resolveFilename
  Module._resolveFilename = function (request, parent, ...rest) {
    const m = /^@fission\/([^/]+)(?:\/(.+))?$/.exec(request)
    if (m && fs.existsSync(path.join(ROOT, "plugins", m[1]))) {
      const base = path.join(ROOT, "plugins", m[1], "src", m[2] ?? "index")
      for (const candidate of [`${base}.ts`, path.join(base, "index.ts")]) {
        if (fs.existsSync(candidate)) return candidate
      }
    }
    return resolve.call(this, request, parent, ...rest)
  }
}

/** Recorders standing in for Medusa's validation/auth middlewares while the middlewares are loaded. */
function stubHttp() {
  const http = require("@medusajs/framework/http")
  const tag = (info) => Object.assign(() => undefined, { __fission: info })
  const stub = {
    ...http,
    validateAndTransformQuery: (schema, config) => tag({ kind: "query", schema, config }),
    validateAndTransformBody: (schema) => tag({ kind: "body", schema }),
    authenticate: (actor, methods, options) => tag({ kind: "auth", actor, methods, options: options ?? {} }),
  }
  const load = Module._load
  Module._load = function (request, ...rest) {
    if (request === "@medusajs/framework/http") return stub
    return load.call(this, request, ...rest)
  }
}

// ---------------------------------------------------------------- routes from the filesystem
function walk(dir, out = []) {
  if (!fs.existsSync(dir)) return out
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    if (entry.isDirectory()) walk(p, out)
    else if (entry.name === "route.ts") out.push(p)
  }
  return out
}

/** Every route file of the suite: `{ plugin, scope, file, path ("/store/fission/x/:id") }`. */
export function listRouteFiles() {
  const routes = []
  for (const plugin of fs.readdirSync(path.join(ROOT, "plugins")).sort()) {
    for (const scope of ["store", "admin"]) {
      const api = path.join(ROOT, "plugins", plugin, "src/api")
      for (const file of walk(path.join(api, scope, "fission")).sort()) {
        const rel = path.relative(api, path.dirname(file)).split(path.sep)
        routes.push({
          plugin,
          scope,
          file,
          path: "/" + rel.map((s) => s.replace(/^\[(.+)\]$/, ":$1")).join("/"),
        })
      }
    }
  }
  return routes
}

const jsDocOf = (node) =>
  (node.jsDoc ?? [])
    .map((d) => (typeof d.comment === "string" ? d.comment : (d.comment ?? []).map((c) => c.text ?? "").join("")))
    .join("\n")
    .trim()

/** Exported handlers of a route.ts with their JSDoc and the shape of what they send. */
function parseRouteFile(file) {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2021, true)
  const handlers = {}
  const exported = (node) => node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  for (const stmt of source.statements) {
    if (ts.isVariableStatement(stmt) && exported(stmt)) {
      for (const decl of stmt.declarationList.declarations) {
        const name = decl.name.getText(source)
        if (METHODS.includes(name)) handlers[name] = { doc: jsDocOf(stmt), body: decl.initializer }
      }
    } else if (ts.isFunctionDeclaration(stmt) && exported(stmt) && stmt.name && METHODS.includes(stmt.name.text)) {
      handlers[stmt.name.text] = { doc: jsDocOf(stmt), body: stmt }
    }
  }
  for (const h of Object.values(handlers)) Object.assign(h, responseShape(h.body, source))
  return handlers
}

/** Top-level keys of the objects a handler passes to `res.json(...)`, with a rough type each. */
function responseShape(node, source) {
  const keys = new Map()
  const statuses = new Set()
  let contentType = null
  const visit = (n) => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const method = n.expression.name.text
      if (method === "json" && n.arguments[0] && ts.isObjectLiteralExpression(n.arguments[0])) {
        const props = n.arguments[0].properties
        const names = props.map((p) => p.name?.getText(source)).filter(Boolean)
        for (const p of props) {
          if (!p.name) continue
          const name = p.name.getText(source).replace(/^["']|["']$/g, "")
          if (!keys.has(name)) keys.set(name, guessType(name, p, names, source))
        }
      }
      if (method === "status" && n.arguments[0] && ts.isNumericLiteral(n.arguments[0])) statuses.add(Number(n.arguments[0].text))
      if (method === "status" && n.arguments[0] && ts.isConditionalExpression(n.arguments[0])) {
        for (const b of [n.arguments[0].whenTrue, n.arguments[0].whenFalse]) if (ts.isNumericLiteral(b)) statuses.add(Number(b.text))
      }
      if (method === "setHeader" && n.arguments.length === 2 && ts.isStringLiteral(n.arguments[0]) && n.arguments[0].text.toLowerCase() === "content-type" && ts.isStringLiteral(n.arguments[1])) {
        contentType = n.arguments[1].text
      }
    }
    ts.forEachChild(n, visit)
  }
  if (node) visit(node)
  return { keys: [...keys.entries()], statuses: [...statuses].sort(), contentType }
}

function guessType(name, prop, siblings, source) {
  if (["count", "offset", "limit"].includes(name)) return "number"
  const init = ts.isPropertyAssignment(prop) ? prop.initializer : null
  if (init) {
    if (init.kind === ts.SyntaxKind.TrueKeyword || init.kind === ts.SyntaxKind.FalseKeyword) return "boolean"
    if (ts.isStringLiteralLike(init) || ts.isTemplateExpression(init)) return "string"
    if (ts.isNumericLiteral(init)) return "number"
    if (ts.isArrayLiteralExpression(init)) return "array"
    if (ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression) && ["map", "filter", "slice"].includes(init.expression.name.text)) return "array"
    if (ts.isPropertyAccessExpression(init) && /\.params\.\w+$/.test(init.getText(source))) return "string"
  }
  if (name === "id" || name === "object") return "string"
  if (name === "deleted" || name === "replayed") return "boolean"
  if (siblings.includes("count") && /s$/.test(name)) return "array"
  return "object"
}

/** First sentence of the JSDoc's first paragraph, on one line. */
function summaryOf(doc) {
  const paragraph = doc.split(/\n\s*\n/)[0].replace(/\s*\n\s*/g, " ").trim()
  const sentence = /^(.+?\.)(\s|$)/.exec(paragraph)?.[1] ?? paragraph
  return sentence.length > 240 ? sentence.slice(0, 237) + "…" : sentence
}

// ---------------------------------------------------------------- middlewares → validators
/** Express 4 path matching (path-to-regexp 0.1): `:p` one segment, `*` anything, optional trailing slash. */
function matcherRegExp(matcher, { end }) {
  if (matcher instanceof RegExp) return matcher
  let re = ""
  for (let i = 0; i < matcher.length; i++) {
    const c = matcher[i]
    if (c === "*") re += "(.*)"
    else if (c === ":") {
      const m = /^:(\w+)(\?)?/.exec(matcher.slice(i))
      re += m[2] ? "(?:([^/]+?))?" : "([^/]+?)"
      i += m[0].length - 1
    } else re += c.replace(/[.+?^${}()|[\]\\]/g, "\\$&")
  }
  return new RegExp(`^${re}\\/?${end ? "$" : "(?=\\/|$)"}`, "i")
}

function loadMiddlewares(plugin) {
  const file = path.join(ROOT, "plugins", plugin, "src/api/middlewares.ts")
  if (!fs.existsSync(file)) return []
  const mod = require(file)
  return (mod.default ?? mod).routes ?? []
}

/** Names of the exported zod schemas of every validators.ts (components/schemas + SDK type names). */
function schemaNames(plugins) {
  const names = new Map()
  const taken = new Set()
  for (const plugin of plugins) {
    const files = []
    const find = (dir) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name)
        if (e.isDirectory()) find(p)
        else if (/^validators\.ts$|-validators\.ts$/.test(e.name)) files.push(p)
      }
    }
    const api = path.join(ROOT, "plugins", plugin, "src/api")
    if (fs.existsSync(api)) find(api)
    for (const file of files.sort()) {
      const mod = require(file)
      for (const [name, value] of Object.entries(mod)) {
        if (!value || typeof value !== "object" || !("_zod" in value) || names.has(value)) continue
        let unique = name
        for (let n = 2; taken.has(unique); n++) unique = `${name}${n}`
        taken.add(unique)
        names.set(value, unique)
      }
    }
  }
  return names
}

/**
 * Validators and auth that apply to `method path`. Express runs every matching middleware; for the
 * document the validator of the route's own matcher wins (`/presales/participants` over a
 * `/presales/:id` that also matches it), otherwise the last registered one, as in Medusa.
 */
function guardsFor(middlewares, method, routePath) {
  const concretePath = routePath.replace(/:(\w+)/g, "fission_param")
  const normalize = (m) => String(m).replace(/:(\w+)/g, ":p").replace(/\/$/, "")
  const found = { query: null, body: null, auth: null }
  const rank = { query: -1, body: -1, auth: -1 }
  for (const route of middlewares) {
    const methods = route.method ? [].concat(route.method) : route.methods ? [].concat(route.methods) : null
    if (methods && !methods.includes(method) && !methods.includes("ALL")) continue
    const re = matcherRegExp(route.matcher, { end: Boolean(methods) })
    if (!re.test(concretePath)) continue
    const score = typeof route.matcher === "string" && normalize(route.matcher) === normalize(routePath) ? 2 : 1
    for (const mw of route.middlewares ?? []) {
      const info = mw?.__fission
      if (!info || score < rank[info.kind]) continue
      found[info.kind] = info
      rank[info.kind] = score
    }
  }
  return found
}

// ---------------------------------------------------------------- JSON schema helpers
function toJsonSchema(z, schema) {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" })
  delete json.$schema
  return json
}

const isEmptyObject = (s) => s && s.type === "object" && (!s.properties || Object.keys(s.properties).length === 0)

function responseSchema(keys) {
  const loose = { type: "object", additionalProperties: true }
  const props = {}
  for (const [k, t] of keys) {
    props[k] = t === "array" ? { type: "array", items: loose } : t === "object" ? loose : { type: t }
  }
  return { type: "object", properties: props, required: keys.map(([k]) => k), additionalProperties: true }
}

// ---------------------------------------------------------------- JSON schema → TypeScript
const ident = (k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k))

function tsType(s, indent = "") {
  if (!s || s === true || Object.keys(s).length === 0) return "unknown"
  if (s.const !== undefined) return JSON.stringify(s.const)
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ")
  const alts = s.anyOf ?? s.oneOf
  if (alts) return [...new Set(alts.map((a) => wrap(tsType(a, indent))))].join(" | ")
  if (s.allOf) return s.allOf.map((a) => wrap(tsType(a, indent))).join(" & ")
  if (Array.isArray(s.type)) return s.type.map((t) => tsType({ ...s, type: t }, indent)).join(" | ")
  switch (s.type) {
    case "string":
      return "string"
    case "number":
    case "integer":
      return "number"
    case "boolean":
      return "boolean"
    case "null":
      return "null"
    case "array":
      if (s.prefixItems) return `[${s.prefixItems.map((i) => tsType(i, indent)).join(", ")}]`
      return `Array<${tsType(s.items, indent)}>`
    case "object": {
      const props = Object.entries(s.properties ?? {})
      const required = new Set(s.required ?? [])
      const inner = indent + "  "
      const lines = props.map(([k, v]) => {
        const doc = v.description ? `${inner}/** ${v.description.replace(/\*\//g, "*\\/")} */\n` : ""
        return `${doc}${inner}${ident(k)}${required.has(k) ? "" : "?"}: ${tsType(v, inner)}`
      })
      const extra = s.additionalProperties
      if (extra && extra !== false) lines.push(`${inner}[key: string]: ${extra === true ? "unknown" : tsType(extra, inner)}`)
      if (!lines.length) return extra === false || s.additionalProperties === undefined ? "Record<string, never>" : "Record<string, unknown>"
      return `{\n${lines.join("\n")}\n${indent}}`
    }
    default:
      return "unknown"
  }
}
const wrap = (t) => (t.includes(" | ") || t.includes(" & ") ? `(${t})` : t)

function responseTs(keys, contentType) {
  if (contentType && !contentType.includes("json")) return "Blob"
  if (!keys.length) return "FissionObject"
  const body = keys
    .map(([k, t]) => `  ${ident(k)}: ${t === "array" ? "FissionObject[]" : t === "object" ? "FissionObject" : t}`)
    .join("\n")
  return `{\n${body}\n  [key: string]: unknown\n}`
}

// ---------------------------------------------------------------- build
export function build() {
  registerTypeScript()
  stubHttp()
  const { z } = require("@medusajs/framework/zod")
  const routes = listRouteFiles()
  const plugins = [...new Set(routes.map((r) => r.plugin))]
  const names = schemaNames(plugins)
  const middlewares = Object.fromEntries(plugins.map((p) => [p, loadMiddlewares(p)]))
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"))

  const components = { schemas: {} }
  const refFor = (schema, fallback) => {
    const name = names.get(schema) ?? fallback
    if (!components.schemas[name]) components.schemas[name] = toJsonSchema(z, schema)
    return { name, ref: { $ref: `#/components/schemas/${name}` }, json: components.schemas[name] }
  }

  const paths = {}
  const operations = []
  for (const route of routes) {
    const handlers = parseRouteFile(route.file)
    const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1])
    const oapiPath = route.path.replace(/:(\w+)/g, "{$1}")
    for (const method of METHODS) {
      const handler = handlers[method]
      if (!handler) continue
      const guards = guardsFor(middlewares[route.plugin], method, route.path)
      const key = `${method} ${route.path}`
      const opName = `${method.toLowerCase()} ${route.path}`.replace(/[^A-Za-z0-9]+(.)?/g, (_, c) => (c ? c.toUpperCase() : "")).replace(/^./, (c) => c.toUpperCase())
      const op = {
        operationId: opName.charAt(0).toLowerCase() + opName.slice(1),
        summary: summaryOf(handler.doc) || key,
        description: handler.doc || undefined,
        tags: [`${route.scope === "store" ? "Store" : "Admin"}: ${route.plugin}`],
        "x-fission-plugin": `@fission/${route.plugin}`,
        parameters: params.map((p) => ({ name: p, in: "path", required: true, schema: { type: "string" } })),
      }
      let query = null
      if (guards.query) {
        query = refFor(guards.query.schema, `${opName}Query`)
        for (const [name, schema] of Object.entries(query.json.properties ?? {})) {
          op.parameters.push({
            name,
            in: "query",
            required: (query.json.required ?? []).includes(name),
            ...(schema.description ? { description: schema.description } : {}),
            schema,
          })
        }
        if (query.json.additionalProperties === false) op["x-fission-strict-query"] = true
      }
      let body = null
      if (guards.body) {
        body = refFor(guards.body.schema, `${opName}Body`)
        op.requestBody = { required: true, content: { "application/json": { schema: body.ref } } }
      }
      const customer = route.scope === "store" && guards.auth?.actor === "customer"
      const optionalAuth = customer && guards.auth.options.allowUnauthenticated === true
      if (route.scope === "store") {
        op.security = customer
          ? [
              { publishableKey: [], customerBearer: [] },
              { publishableKey: [], customerSession: [] },
              ...(optionalAuth ? [{ publishableKey: [] }] : []),
            ]
          : [{ publishableKey: [] }]
      } else {
        op.security = [{ adminBearer: [] }, { adminSession: [] }, { adminApiKey: [] }]
      }
      const ok = handler.statuses.find((s) => s >= 200 && s < 300) ?? 200
      const okStatuses = handler.statuses.filter((s) => s >= 200 && s < 300)
      const responseContent =
        handler.contentType && !handler.contentType.includes("json")
          ? { [handler.contentType]: { schema: { type: "string", contentMediaType: handler.contentType } } }
          : { "application/json": { schema: responseSchema(handler.keys) } }
      op.responses = {}
      for (const s of okStatuses.length ? okStatuses : [ok]) op.responses[String(s)] = { description: "OK", content: responseContent }
      op.responses["400"] = { $ref: "#/components/responses/InvalidData" }
      if (customer || route.scope === "admin") op.responses["401"] = { $ref: "#/components/responses/Unauthorized" }
      if (params.length) op.responses["404"] = { $ref: "#/components/responses/NotFound" }
      if (!op.description) delete op.description
      if (!op.parameters.length) delete op.parameters
      paths[oapiPath] ??= {}
      paths[oapiPath][method.toLowerCase()] = op
      operations.push({
        key,
        scope: route.scope,
        plugin: route.plugin,
        params,
        query: query && !isEmptyObject(query.json) ? query : null,
        body,
        customer,
        optionalAuth,
        response: responseTs(handler.keys, handler.contentType),
        doc: handler.doc,
      })
    }
  }

  const doc = {
    openapi: "3.1.0",
    info: {
      title: "Fission Store and Admin API",
      version: pkg.version,
      description:
        "Every route the Fission plugins add to a Medusa v2 application: Store routes under /store/fission " +
        "(publishable API key; customer routes need a logged-in customer) and Admin routes under /admin/fission " +
        "(admin user). Generated by `npm run openapi` from the route files and their zod validators; do not edit by hand. " +
        "Errors use Medusa's body `{ type, message }`. Amounts are decimal numbers in the currency's major unit.",
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: "http://localhost:9000", description: "Local Medusa server" }],
    tags: plugins.flatMap((p) => [
      { name: `Store: ${p}`, description: `@fission/${p} Store API` },
      { name: `Admin: ${p}`, description: `@fission/${p} Admin API` },
    ]).filter((t) => Object.values(paths).some((ops) => Object.values(ops).some((o) => o.tags.includes(t.name)))),
    paths,
    components: {
      securitySchemes: {
        publishableKey: { type: "apiKey", in: "header", name: "x-publishable-api-key", description: "Medusa publishable API key (every /store route)." },
        customerBearer: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "Customer JWT from POST /auth/customer/emailpass." },
        customerSession: { type: "apiKey", in: "cookie", name: "connect.sid", description: "Customer session cookie from POST /auth/session." },
        adminBearer: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "Admin user JWT from POST /auth/user/emailpass." },
        adminSession: { type: "apiKey", in: "cookie", name: "connect.sid", description: "Admin session cookie from POST /auth/session." },
        adminApiKey: { type: "http", scheme: "basic", description: "Admin secret API key as the basic-auth user name." },
      },
      responses: {
        InvalidData: { description: "Invalid input (Medusa error body naming the field).", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        Unauthorized: { description: "Not logged in.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        NotFound: { description: "Unknown id.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
      },
      schemas: {
        Error: {
          type: "object",
          properties: { type: { type: "string", examples: ["invalid_data", "not_found", "not_allowed"] }, message: { type: "string" }, code: { type: "string" } },
          required: ["type", "message"],
        },
        ...Object.fromEntries(Object.entries(components.schemas).sort(([a], [b]) => a.localeCompare(b))),
      },
    },
  }
  return { doc, operations }
}

function typesFile(operations) {
  const store = operations.filter((o) => o.scope === "store")
  const named = new Map()
  for (const o of store) for (const part of [o.query, o.body]) if (part) named.set(part.name, part.json)
  const out = [
    "// Generated by `npm run openapi` (scripts/openapi.mjs) from the plugins' zod validators",
    "// (`z.toJSONSchema(schema, { io: \"input\" })`, i.e. `z.input<typeof schema>`) and route files. Do not edit.",
    "/* eslint-disable */",
    "",
    "/** A Fission resource as the Store API returns it (see the route's description in the OpenAPI document). */",
    "export type FissionObject = Record<string, any>",
    "",
  ]
  for (const [name, json] of [...named.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`export type ${name} = ${tsType(json)}`, "")
  }
  out.push("/** Every Store route: path parameters, query, body and response. */", "export interface StoreOperations {")
  for (const o of store) {
    const doc = o.doc ? `  /** ${o.doc.replace(/\*\//g, "*\\/").split("\n").join("\n   * ")} */\n` : ""
    const params = o.params.length ? `{ ${o.params.map((p) => `${p}: string`).join("; ")} }` : "{}"
    out.push(
      `${doc}  ${JSON.stringify(o.key)}: {`,
      `    params: ${params}`,
      `    query: ${o.query ? o.query.name : "never"}`,
      `    body: ${o.body && !isEmptyObject(o.body.json) ? o.body.name : "never"}`,
      `    auth: ${o.customer ? (o.optionalAuth ? '"optional"' : '"customer"') : '"none"'}`,
      `    response: ${o.response.split("\n").join("\n    ")}`,
      "  }"
    )
  }
  out.push("}", "", "export type StoreRouteKey = keyof StoreOperations", "", `export const STORE_ROUTE_KEYS = ${JSON.stringify(store.map((o) => o.key), null, 2)} as const satisfies readonly StoreRouteKey[]`, "")
  return out.join("\n")
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  const check = process.argv.includes("--check")
  const { doc, operations } = build()
  const files = [
    [OUT_DOC, JSON.stringify(doc, null, 2) + "\n"],
    [OUT_TYPES, typesFile(operations)],
  ]
  let stale = false
  for (const [file, text] of files) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null
    if (current === text) continue
    if (check) {
      stale = true
      console.error(`${path.relative(ROOT, file)} is out of date: run \`npm run openapi\``)
    } else {
      fs.mkdirSync(path.dirname(file), { recursive: true })
      fs.writeFileSync(file, text)
    }
  }
  const count = (scope) => operations.filter((o) => o.scope === scope).length
  console.log(`openapi: ${count("store")} store and ${count("admin")} admin operations${check ? (stale ? " — STALE" : " — up to date") : ` → ${path.relative(ROOT, OUT_DOC)}, ${path.relative(ROOT, OUT_TYPES)}`}`)
  process.exit(stale ? 1 : 0)
}
