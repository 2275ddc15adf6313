/**
 * The JWT and cookie secrets of `medusa-config.ts` (SPEC §0.10: no default secret
 * ever protects a running store).
 *
 * Anyone who knows the signing secret can mint an admin token, and Medusa's own
 * fallback ("supersecret") is public. So in production mode (`NODE_ENV=production`,
 * which `medusa start` sets when NODE_ENV is unset) a missing, well-known or short
 * secret stops the process while the config loads, naming the variables to set.
 * Development and test runs keep Medusa's local default, so `medusa develop` and
 * the test suites need nothing configured. `npm run demo` generates random secrets
 * once and keeps them in `.fission/secrets.json` (scripts/lib/secrets.mjs).
 */

export const SECRET_VARIABLES = ["JWT_SECRET", "COOKIE_SECRET"] as const
export type SecretVariable = (typeof SECRET_VARIABLES)[number]

/** 32 characters: e.g. `openssl rand -hex 32` gives 64. */
export const MIN_SECRET_LENGTH = 32

/** Medusa's documented local default; accepted outside production only. */
export const DEVELOPMENT_SECRET = "supersecret"

// Values copied from docs and starters that must never sign a production token.
const WELL_KNOWN = new Set(["supersecret", "something", "secret", "changeme", "change-me", "jwt_secret", "cookie_secret"])

type Env = Record<string, string | undefined>

/** Why `value` cannot protect a production store, or null when it can. */
export function secretProblem(name: SecretVariable, value: string | undefined): string | null {
  if (!value) return `${name} is not set`
  if (WELL_KNOWN.has(value.trim().toLowerCase())) return `${name} is a well-known default value`
  if (value.length < MIN_SECRET_LENGTH) return `${name} is shorter than ${MIN_SECRET_LENGTH} characters`
  return null
}

/**
 * `{ jwtSecret, cookieSecret }` for `projectConfig.http`. Throws in production mode
 * when either secret is missing, a known default or shorter than 32 characters.
 */
export function httpSecrets(env: Env = process.env): { jwtSecret: string; cookieSecret: string } {
  if (env.NODE_ENV !== "production") {
    return {
      jwtSecret: env.JWT_SECRET || DEVELOPMENT_SECRET,
      cookieSecret: env.COOKIE_SECRET || DEVELOPMENT_SECRET,
    }
  }
  const problems = SECRET_VARIABLES.map((name) => secretProblem(name, env[name])).filter(Boolean)
  if (problems.length) {
    throw new Error(
      `Refusing to start in production mode (NODE_ENV=production) without real secrets: ${problems.join("; ")}. ` +
        `Set JWT_SECRET and COOKIE_SECRET to random values of at least ${MIN_SECRET_LENGTH} characters ` +
        "(e.g. `openssl rand -hex 32`); anyone who knows a default secret can sign admin tokens."
    )
  }
  return { jwtSecret: env.JWT_SECRET!, cookieSecret: env.COOKIE_SECRET! }
}
