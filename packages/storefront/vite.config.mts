import { defineConfig, loadEnv, type Plugin } from "vite"
import react from "@vitejs/plugin-react"
import fs from "node:fs"
import { fileURLToPath } from "node:url"
// @ts-ignore -- plain ESM helper without type declarations
import { sourceDigest, storefrontConfig } from "./serve.mjs"

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))

/**
 * `vite dev` answers /config.json from VITE_MEDUSA_URL / VITE_PUBLISHABLE_KEY (so the app loads
 * the same way as behind serve.mjs); `vite build` stamps dist/ with the sources' digest, which
 * serve.mjs `ensureStorefrontBuilt()` compares to decide whether to rebuild.
 */
function fissionStorefront(env: Record<string, string | undefined>): Plugin {
  return {
    name: "fission-storefront",
    configureServer(server) {
      server.middlewares.use("/config.json", (_req, res) => {
        const body = JSON.stringify(storefrontConfig({ backendUrl: env.VITE_MEDUSA_URL, publishableKey: env.VITE_PUBLISHABLE_KEY ?? "" }))
        res.setHeader("content-type", "application/json")
        res.setHeader("cache-control", "no-store")
        res.end(body)
      })
    },
    closeBundle() {
      if (fs.existsSync(here("dist/index.html"))) fs.writeFileSync(here("dist/.fission-build.sha256"), sourceDigest())
    },
  }
}

// @fission/js-sdk is consumed from its TypeScript sources (no separate build step needed).
export default defineConfig(({ mode }) => {
  const env = { ...process.env, ...loadEnv(mode, here("."), "VITE_") }
  return {
    root: here("."),
    plugins: [react(), fissionStorefront(env)],
    define: {
      __FISSION_BUILD_MEDUSA_URL__: JSON.stringify(env.VITE_MEDUSA_URL ?? ""),
      __FISSION_BUILD_PUBLISHABLE_KEY__: JSON.stringify(env.VITE_PUBLISHABLE_KEY ?? ""),
    },
    resolve: {
      alias: { "@fission/js-sdk": here("../js-sdk/src/index.ts") },
    },
    server: { port: Number(process.env.STOREFRONT_DEV_PORT || 8000) },
    build: {
      outDir: here("dist"),
      emptyOutDir: true,
      sourcemap: mode === "development",
      chunkSizeWarningLimit: 600,
    },
  }
})
