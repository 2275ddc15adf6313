import path from "node:path"
import { httpSecrets, secretProblem } from "./http-secrets"

const GOOD_JWT = "a".repeat(31) + "1b2c3d4e5f60718293a4b5c6d7e8f9"
const GOOD_COOKIE = "f".repeat(40)

/** Loads medusa-config.ts afresh with `env` as the whole relevant environment. */
function loadConfig(env: Record<string, string | undefined>) {
  const saved = { ...process.env }
  for (const key of ["NODE_ENV", "JWT_SECRET", "COOKIE_SECRET"]) delete process.env[key]
  Object.assign(process.env, env)
  try {
    let config: any
    jest.isolateModules(() => {
      config = require(path.join(__dirname, "..", "..", "medusa-config.ts"))
    })
    return config
  } finally {
    process.env = saved
  }
}

describe("production secrets (SPEC §0.10)", () => {
  it("medusa-config refuses to load in production without secrets, naming the variables", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(
      /Refusing to start in production mode \(NODE_ENV=production\) without real secrets: JWT_SECRET is not set; COOKIE_SECRET is not set\. Set JWT_SECRET and COOKIE_SECRET/
    )
  })

  it("refuses Medusa's default, other well-known values and short secrets in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production", JWT_SECRET: "supersecret", COOKIE_SECRET: "supersecret" })).toThrow(
      /JWT_SECRET is a well-known default value; COOKIE_SECRET is a well-known default value/
    )
    expect(() => loadConfig({ NODE_ENV: "production", JWT_SECRET: GOOD_JWT, COOKIE_SECRET: "Something" })).toThrow(
      /: COOKIE_SECRET is a well-known default value\. Set/
    )
    expect(() => loadConfig({ NODE_ENV: "production", JWT_SECRET: "short-but-not-default", COOKIE_SECRET: GOOD_COOKIE })).toThrow(
      /: JWT_SECRET is shorter than 32 characters\. Set/
    )
  })

  it("medusa-config loads in production with real secrets and passes them to Medusa", () => {
    const config = loadConfig({ NODE_ENV: "production", JWT_SECRET: GOOD_JWT, COOKIE_SECRET: GOOD_COOKIE })
    expect(config.projectConfig.http.jwtSecret).toBe(GOOD_JWT)
    expect(config.projectConfig.http.cookieSecret).toBe(GOOD_COOKIE)
  })

  it("development and test keep working without secrets", () => {
    for (const NODE_ENV of ["development", "test", undefined]) {
      const config = loadConfig({ NODE_ENV })
      expect(config.projectConfig.http.jwtSecret).toBe("supersecret")
      expect(config.projectConfig.http.cookieSecret).toBe("supersecret")
    }
    expect(httpSecrets({ NODE_ENV: "development", JWT_SECRET: "mine" })).toEqual({ jwtSecret: "mine", cookieSecret: "supersecret" })
  })

  it("names each problem of a single secret", () => {
    expect(secretProblem("JWT_SECRET", undefined)).toBe("JWT_SECRET is not set")
    expect(secretProblem("JWT_SECRET", "")).toBe("JWT_SECRET is not set")
    expect(secretProblem("COOKIE_SECRET", " SuperSecret ")).toBe("COOKIE_SECRET is a well-known default value")
    expect(secretProblem("COOKIE_SECRET", "x".repeat(31))).toBe("COOKIE_SECRET is shorter than 32 characters")
    expect(secretProblem("COOKIE_SECRET", "x".repeat(32))).toBeNull()
  })
})
