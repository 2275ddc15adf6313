import fs from "node:fs"
import path from "node:path"

/**
 * Discovers every Fission HTTP route from the plugins' sources, so a route added
 * later is swept without anyone listing it: each `src/api/**\/route.ts` is a route,
 * its exported GET/POST/PUT/DELETE/PATCH handlers are its methods, and `[param]`
 * folders are path parameters (Medusa's own file-routing rules).
 */
export type SweptRoute = {
  plugin: string
  method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH"
  /** e.g. /admin/fission/withdrawals/:id/approve */
  path: string
  params: string[]
  scope: "store" | "admin"
  /** Field names the route's validators may accept (see `candidateFields`). */
  fields: string[]
}

const METHODS = /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|DELETE|PATCH)\b/g

function walk(dir: string, found: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) walk(full, found)
    else if (entry.name === "route.ts") found.push(full)
  }
  return found
}

// Words that appear as `word:` in middlewares/validators but are not request fields.
const NOT_FIELDS = new Set(["method", "methods", "matcher", "middlewares", "message", "path", "error", "routes", "input", "return"])
const FIELD = /(?:^|[{,\s])([a-z][a-z0-9_]*)\s*:\s*(?=[A-Za-z(\[{"'`])/gm
const RELATIVE_IMPORT = /from\s+"(\.[^"]+)"/g

function fieldsOf(file: string, seen: Set<string>, out: Set<string>, depth = 0) {
  if (seen.has(file) || !fs.existsSync(file)) return
  seen.add(file)
  const text = fs.readFileSync(file, "utf8")
  for (const m of text.matchAll(FIELD)) if (!NOT_FIELDS.has(m[1])) out.add(m[1])
  // Shared schemas live next door (e.g. api/utils/validators.ts); follow one level of them.
  if (depth > 0) return
  for (const m of text.matchAll(RELATIVE_IMPORT)) {
    if (!/validators$/.test(m[1])) continue
    fieldsOf(path.resolve(path.dirname(file), `${m[1]}.ts`), seen, out, depth + 1)
  }
}

/**
 * The field names a route may accept: every `name:` in the validators.ts and
 * middlewares.ts of its folder and of its ancestors up to `src/api`, plus the
 * validators they import. Over-inclusion only costs a 400 per extra name; the
 * sweep sends each name alone, so a strict validator's other fields never mask it.
 */
function candidateFields(apiDir: string, routeFile: string): string[] {
  const out = new Set<string>(["limit", "offset"])
  const seen = new Set<string>()
  const routeDir = path.dirname(routeFile)
  // The handler's own code is not a schema, but the validators it imports are (e.g. a sibling folder's).
  for (const m of fs.readFileSync(routeFile, "utf8").matchAll(RELATIVE_IMPORT)) {
    if (/validators$/.test(m[1])) fieldsOf(path.resolve(routeDir, `${m[1]}.ts`), seen, out)
  }
  for (let dir = routeDir; dir.startsWith(apiDir); dir = path.dirname(dir)) {
    for (const name of ["validators.ts", "middlewares.ts"]) fieldsOf(path.join(dir, name), seen, out)
    if (dir === apiDir) break
  }
  return [...out].sort()
}

export function discoverRoutes(root: string): SweptRoute[] {
  const routes: SweptRoute[] = []
  const pluginsDir = path.join(root, "plugins")
  for (const plugin of fs.readdirSync(pluginsDir).sort()) {
    const apiDir = path.join(pluginsDir, plugin, "src", "api")
    if (!fs.existsSync(apiDir)) continue
    for (const file of walk(apiDir).sort()) {
      const rel = path.relative(apiDir, path.dirname(file)).split(path.sep)
      const segments = rel.map((s) => s.replace(/^\[(.+)\]$/, ":$1"))
      const routePath = "/" + segments.join("/")
      const scope = segments[0] === "admin" ? "admin" : "store"
      const params = segments.filter((s) => s.startsWith(":")).map((s) => s.slice(1))
      const fields = candidateFields(apiDir, file)
      const methods = new Set([...fs.readFileSync(file, "utf8").matchAll(METHODS)].map((m) => m[1] as SweptRoute["method"]))
      for (const method of methods) routes.push({ plugin, method, path: routePath, params, scope, fields })
    }
  }
  return routes
}

/** Fills `:param`s; values are URL-encoded unless `raw` (to send e.g. `%00` as is). */
export function fill(route: Pick<SweptRoute, "path">, values: Record<string, string>, raw = false): string {
  return route.path.replace(/:([a-z_]+)/g, (_, p) => (raw ? values[p] : encodeURIComponent(values[p])))
}
