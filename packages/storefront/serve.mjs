/**
 * Dependency-free static server of the built storefront (node:http only).
 *
 *   node packages/storefront/serve.mjs            # serves dist/ on STOREFRONT_PORT (default 8000)
 *
 * - SPA fallback: any GET that is not a file under dist/ answers dist/index.html.
 * - `/config.json` is the storefront's runtime configuration, from MEDUSA_BACKEND_URL (default
 *   http://localhost:9000) and FISSION_PUBLISHABLE_KEY; it is served from memory and also written
 *   to dist/config.json so any other static host can serve the same file.
 *
 * Programmatic use (scripts/demo.mjs):
 *   import { ensureStorefrontBuilt, startStorefront } from "../packages/storefront/serve.mjs"
 *   await ensureStorefrontBuilt()                  // vite build when sources changed since the last build
 *   const sf = await startStorefront({ port: 8000, backendUrl: "http://localhost:9000", publishableKey: pk })
 *   console.log(sf.url); await sf.close()
 */
import http from "node:http"
import fs from "node:fs"
import path from "node:path"
import crypto from "node:crypto"
import { spawn } from "node:child_process"
import { fileURLToPath, pathToFileURL } from "node:url"

const HERE = path.dirname(fileURLToPath(import.meta.url))
export const DIST = path.join(HERE, "dist")
const STAMP = path.join(DIST, ".fission-build.sha256")

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
}

/** The runtime configuration the storefront reads at start (see src/config.ts). */
export function storefrontConfig({ backendUrl, publishableKey, storefrontUrl } = {}) {
  return {
    backendUrl: String(backendUrl || process.env.MEDUSA_BACKEND_URL || "http://localhost:9000").replace(/\/$/, ""),
    publishableKey: String(publishableKey ?? process.env.FISSION_PUBLISHABLE_KEY ?? ""),
    ...(storefrontUrl ? { storefrontUrl: String(storefrontUrl).replace(/\/$/, "") } : {}),
  }
}

/** Inputs of the build: the storefront's sources and the SDK's. */
function sourceFiles() {
  const files = []
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else files.push(p)
    }
  }
  walk(path.join(HERE, "src"))
  walk(path.join(HERE, "..", "js-sdk", "src"))
  for (const f of ["index.html", "vite.config.mts", "package.json"]) files.push(path.join(HERE, f))
  return files.filter((f) => fs.existsSync(f))
}

export function sourceDigest() {
  const h = crypto.createHash("sha256")
  for (const f of sourceFiles()) {
    h.update(path.relative(HERE, f))
    h.update("\0")
    h.update(fs.readFileSync(f))
    h.update("\0")
  }
  return h.digest("hex")
}

/** Whether dist/ is missing or older than the sources (by content hash). */
export function isStorefrontStale() {
  if (!fs.existsSync(path.join(DIST, "index.html")) || !fs.existsSync(STAMP)) return true
  return fs.readFileSync(STAMP, "utf8").trim() !== sourceDigest()
}

/** Runs `vite build` (from the workspace's node_modules) when dist/ is stale; resolves once built. */
export async function ensureStorefrontBuilt({ log = (m) => console.log(`[storefront] ${m}`), force = false } = {}) {
  if (!force && !isStorefrontStale()) return false
  log("building the storefront (vite build)…")
  const bin = [path.join(HERE, "node_modules", ".bin", "vite"), path.join(HERE, "..", "..", "node_modules", ".bin", "vite")].find((p) =>
    fs.existsSync(p)
  )
  if (!bin) throw new Error("vite is not installed (npm install at the repository root)")
  const digest = sourceDigest()
  await new Promise((resolve, reject) => {
    const child = spawn(bin, ["build", "--logLevel", "warn"], { cwd: HERE, stdio: "inherit", env: process.env })
    child.on("error", reject)
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`storefront build failed (exit ${code})`))))
  })
  fs.writeFileSync(STAMP, digest)
  return true
}

function send(res, status, headers, body) {
  res.writeHead(status, { "x-content-type-options": "nosniff", ...headers })
  res.end(body)
}

/**
 * Starts the static server. Resolves `{ server, url, port, config, close }` once listening.
 * `port` 0 picks a free port.
 */
export function startStorefront({ port, host, backendUrl, publishableKey, storefrontUrl, dist = DIST } = {}) {
  const listenPort = port ?? Number(process.env.STOREFRONT_PORT || 8000)
  const root = path.resolve(dist)
  if (!fs.existsSync(path.join(root, "index.html"))) {
    return Promise.reject(new Error(`${path.join(root, "index.html")} is missing: run \`npm run build -w @fission/storefront\` first`))
  }
  const config = storefrontConfig({ backendUrl, publishableKey, storefrontUrl })
  const configBody = JSON.stringify(config, null, 2) + "\n"
  try {
    fs.writeFileSync(path.join(root, "config.json"), configBody)
  } catch {
    /* read-only dist: served from memory anyway */
  }
  // re-read when dist/ is rebuilt while serving (new asset hashes)
  let index = { mtime: 0, body: Buffer.alloc(0) }
  const indexHtml = () => {
    const file = path.join(root, "index.html")
    const mtime = fs.statSync(file).mtimeMs
    if (mtime !== index.mtime) index = { mtime, body: fs.readFileSync(file) }
    return index.body
  }

  const server = http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, { allow: "GET, HEAD", "content-type": "text/plain" }, "Method Not Allowed")
    let pathname
    try {
      pathname = decodeURIComponent(new URL(req.url || "/", "http://x").pathname)
    } catch {
      return send(res, 400, { "content-type": "text/plain" }, "Bad Request")
    }
    const body = (b) => (req.method === "HEAD" ? undefined : b)
    if (pathname === "/config.json") {
      return send(res, 200, { "content-type": TYPES[".json"], "cache-control": "no-store" }, body(configBody))
    }
    if (pathname.includes("\0")) return send(res, 400, { "content-type": "text/plain" }, "Bad Request")
    const file = path.join(root, path.normalize(pathname))
    if (file.startsWith(root + path.sep) && !path.basename(file).startsWith(".")) {
      let stat
      try {
        stat = fs.statSync(file)
      } catch {}
      if (stat?.isFile()) {
        const ext = path.extname(file).toLowerCase()
        const immutable = pathname.startsWith("/assets/")
        res.writeHead(200, {
          "content-type": TYPES[ext] || "application/octet-stream",
          "content-length": stat.size,
          "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
          "x-content-type-options": "nosniff",
        })
        if (req.method === "HEAD") return res.end()
        return fs.createReadStream(file).pipe(res)
      }
    }
    // a missing asset is a real 404 (not the SPA page, which the browser would try to run as JS)
    if (pathname.startsWith("/assets/") || /\.[a-z0-9]{1,5}$/i.test(pathname)) {
      return send(res, 404, { "content-type": "text/plain" }, body("Not Found"))
    }
    let html
    try {
      html = indexHtml()
    } catch {
      return send(res, 503, { "content-type": "text/plain", "retry-after": "2" }, body("The storefront is being rebuilt"))
    }
    return send(res, 200, { "content-type": TYPES[".html"], "cache-control": "no-cache" }, body(html))
  })

  return new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(listenPort, host, () => {
      server.off("error", reject)
      const actual = server.address().port
      resolve({
        server,
        port: actual,
        url: `http://localhost:${actual}`,
        config,
        close: () => new Promise((r) => server.close(() => r())),
      })
    })
  })
}

// `node serve.mjs`: build if stale (unless --no-build), then serve.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const noBuild = process.argv.includes("--no-build")
  try {
    if (!noBuild) await ensureStorefrontBuilt()
    const sf = await startStorefront({})
    console.log(`Fission storefront on ${sf.url} → Medusa ${sf.config.backendUrl}${sf.config.publishableKey ? "" : " (no FISSION_PUBLISHABLE_KEY set)"}`)
    const stop = () => sf.close().then(() => process.exit(0))
    process.on("SIGINT", stop)
    process.on("SIGTERM", stop)
  } catch (e) {
    console.error(e.message)
    process.exit(1)
  }
}
