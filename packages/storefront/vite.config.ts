import { defineConfig } from "vite"
import react from "@vitejs/plugin-react"
import { fileURLToPath } from "node:url"

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))

// @fission/js-sdk is consumed from its TypeScript sources (no separate build step needed).
export default defineConfig({
  root: here("."),
  plugins: [react()],
  resolve: {
    alias: { "@fission/js-sdk": here("../js-sdk/src/index.ts") },
  },
  server: { port: Number(process.env.STOREFRONT_DEV_PORT || 8000), strictPort: false },
  preview: { port: 8000 },
  build: {
    outDir: here("dist"),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
})
