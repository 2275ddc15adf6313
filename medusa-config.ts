import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"
import { httpSecrets } from "./src/lib/http-secrets"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

// Production mode refuses missing or default JWT/cookie secrets (SPEC §0.10).
const { jwtSecret, cookieSecret } = httpSecrets(process.env)

const redisUrl = process.env.REDIS_URL
// How long a lock taken with Medusa's default wait (e.g. completeCartWorkflow's inventory
// reservation, one lock per inventory item) may be waited for before the request fails. Medusa's
// 5 s refuses most buyers of a hot item when hundreds complete at once (every buyer of a
// campaign buys the same variant); the wait is a queue, so waiting longer serves them instead.
// A wait that still times out answers 429 with Retry-After (core's error handler), never a 500.
const lockWaitSeconds = Number(process.env.FISSION_LOCK_WAIT_SECONDS || 60)

const workerMode = (process.env.MEDUSA_WORKER_MODE || "shared") as
  | "shared"
  | "worker"
  | "server"

// With REDIS_URL the event bus, workflow engine, locking and caching are shared
// between every server and worker instance; without it everything stays in-process.
const redisModules = redisUrl
  ? [
      {
        key: Modules.EVENT_BUS,
        resolve: "@medusajs/medusa/event-bus-redis",
        // Medusa's default is one attempt: a subscriber that failed (its database connection
        // dropped, a deploy stopped its worker) would lose the event for good. Subscribers here
        // only start idempotent workflows, and a retry runs only the subscribers that failed.
        options: { redisUrl, jobOptions: { attempts: 8, backoff: { type: "exponential", delay: 1000 } } },
      },
      {
        key: Modules.WORKFLOW_ENGINE,
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl } },
      },
      {
        key: Modules.LOCKING,
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl, waitLockingTimeout: lockWaitSeconds },
            },
          ],
          // Medusa 2.21 constructs a module's providers with the *module's* options (their own
          // reach only the provider's loader), so the Redis provider reads its wait from here.
          waitLockingTimeout: lockWaitSeconds,
        },
      },
      {
        key: Modules.CACHING,
        resolve: "@medusajs/caching",
        options: {
          providers: [
            { resolve: "@medusajs/caching-redis", id: "caching-redis", is_default: true, options: { redisUrl } },
          ],
        },
      },
    ]
  : []

// FISSION_DISABLE_PLUGINS=distribution,rebates leaves those plugins out, so a benchmark
// (bench/run-distribution.mjs) can run a second server without a plugin and compare
// checkout side by side. Unset (the default): every plugin is loaded.
const disabledPlugins = (process.env.FISSION_DISABLE_PLUGINS || "").split(",").map((p) => p.trim())

const fissionPlugins = [
  "core",
  "distribution",
  "rebates",
  "group-draw",
  "presale",
  "blind-box",
  "membership",
]
  .filter((name) => !disabledPlugins.includes(name))
  .map((name) => ({ resolve: `@fission/${name}`, options: {} }))

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl,
    workerMode,
    // Production cookies are Secure; the local demo serves plain http, so it opts out.
    cookieOptions: process.env.COOKIE_SECURE === "false" ? { secure: false } : undefined,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:8000,http://localhost:9000,http://localhost:5173",
      jwtSecret,
      cookieSecret,
    },
  },
  admin: {
    disable: process.env.ADMIN_DISABLED === "true" || workerMode === "worker",
    backendUrl: process.env.MEDUSA_BACKEND_URL,
  },
  plugins: [{ resolve: "@medusajs/loyalty-plugin", options: {} }, ...fissionPlugins],
  modules: redisModules,
})
