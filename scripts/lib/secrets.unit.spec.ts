import { execFileSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"

const HELPER = path.join(__dirname, "secrets.mjs")

/** Runs `demoSecrets({ file })` in a fresh Node process, as `npm run demo` does (the helper is ESM). */
function demoSecrets(file: string, env: Record<string, string> = {}) {
  const script = `import { demoSecrets } from ${JSON.stringify(HELPER)}
process.stdout.write(JSON.stringify(demoSecrets({ file: ${JSON.stringify(file)} })))`
  const clean = { ...process.env }
  delete clean.JWT_SECRET
  delete clean.COOKIE_SECRET
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    env: { ...clean, ...env },
    stdio: ["ignore", "pipe", "pipe"], // the refusal case's stack trace stays in the error, not the report
  })
  return JSON.parse(out.toString())
}

describe("demo secrets (scripts/lib/secrets.mjs)", () => {
  let dir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "fission-secrets-"))
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it("creates random secrets once, mode 0600, and reuses them on every later run", () => {
    const file = path.join(dir, "nested", "secrets.json")
    const first = demoSecrets(file)
    expect(first.created).toBe(true)
    expect(first.JWT_SECRET).toMatch(/^[0-9a-f]{64}$/)
    expect(first.COOKIE_SECRET).toMatch(/^[0-9a-f]{64}$/)
    expect(first.JWT_SECRET).not.toBe(first.COOKIE_SECRET)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ JWT_SECRET: first.JWT_SECRET, COOKIE_SECRET: first.COOKIE_SECRET })

    const second = demoSecrets(file)
    expect(second).toEqual({ ...first, created: false })
    // no temporary files are left next to it
    expect(fs.readdirSync(path.dirname(file))).toEqual(["secrets.json"])
  })

  it("gives each new data folder its own secrets", () => {
    const a = demoSecrets(path.join(dir, "a.json"))
    const b = demoSecrets(path.join(dir, "b.json"))
    expect(a.JWT_SECRET).not.toBe(b.JWT_SECRET)
    expect(a.COOKIE_SECRET).not.toBe(b.COOKIE_SECRET)
  })

  it("completes a damaged file without losing the valid secret, and tightens its permissions", () => {
    const file = path.join(dir, "secrets.json")
    const kept = "k".repeat(64)
    fs.writeFileSync(file, JSON.stringify({ JWT_SECRET: kept, COOKIE_SECRET: "short" }), { mode: 0o644 })
    fs.chmodSync(file, 0o644)
    const result = demoSecrets(file)
    expect(result.created).toBe(true)
    expect(result.JWT_SECRET).toBe(kept)
    expect(result.COOKIE_SECRET).toMatch(/^[0-9a-f]{64}$/)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
  })

  it("lets secrets from the environment win without touching the file", () => {
    const file = path.join(dir, "secrets.json")
    const stored = demoSecrets(file)
    const mine = "m".repeat(48)
    const result = demoSecrets(file, { JWT_SECRET: mine })
    expect(result.JWT_SECRET).toBe(mine)
    expect(result.COOKIE_SECRET).toBe(stored.COOKIE_SECRET)
    expect(JSON.parse(fs.readFileSync(file, "utf8")).JWT_SECRET).toBe(stored.JWT_SECRET)
  })

  it("refuses an unreadable file instead of silently replacing it", () => {
    const file = path.join(dir, "secrets.json")
    fs.writeFileSync(file, "{ not json")
    expect(() => demoSecrets(file)).toThrow(/is unreadable .*fix or delete it/)
  })
})
