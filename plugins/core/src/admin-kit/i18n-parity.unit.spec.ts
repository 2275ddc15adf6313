import fs from "node:fs"
import path from "node:path"

/**
 * Every Fission plugin's admin translations (`src/admin/i18n/json/<lang>.json`, loaded
 * through Medusa's admin i18n) have the same keys in every language, no empty
 * strings, and every key a source file uses with `t("…")` exists.
 */
const PLUGINS_DIR = path.resolve(__dirname, "../../..")
const LANGS = ["en", "zhCN"]

const flatten = (obj: Record<string, unknown>, prefix = ""): Record<string, unknown> =>
  Object.entries(obj).reduce<Record<string, unknown>>((acc, [k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k
    if (v && typeof v === "object" && !Array.isArray(v)) Object.assign(acc, flatten(v as Record<string, unknown>, key))
    else acc[key] = v
    return acc
  }, {})

const walk = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && !/\.spec\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []
      )
    : []

const plugins = fs
  .readdirSync(PLUGINS_DIR)
  .filter((p) => fs.existsSync(path.join(PLUGINS_DIR, p, "src/admin")))
  .sort()

const load = (plugin: string, lang: string) => {
  const file = path.join(PLUGINS_DIR, plugin, "src/admin/i18n/json", `${lang}.json`)
  return flatten(JSON.parse(fs.readFileSync(file, "utf8")))
}

describe("admin translations", () => {
  it("finds every plugin with an admin", () => {
    expect(plugins).toEqual(expect.arrayContaining(["core", "distribution", "rebates", "group-draw", "presale", "blind-box", "membership"]))
  })

  describe.each(plugins)("%s", (plugin) => {
    it("has en and zhCN files and an i18n index", () => {
      for (const lang of LANGS) expect(fs.existsSync(path.join(PLUGINS_DIR, plugin, "src/admin/i18n/json", `${lang}.json`))).toBe(true)
      expect(fs.existsSync(path.join(PLUGINS_DIR, plugin, "src/admin/i18n/index.ts"))).toBe(true)
    })

    it("has the same keys in every language", () => {
      const [base, ...others] = LANGS.map((l) => ({ lang: l, keys: Object.keys(load(plugin, l)).sort() }))
      for (const other of others) {
        const missingInOther = base.keys.filter((k) => !other.keys.includes(k))
        const missingInBase = other.keys.filter((k) => !base.keys.includes(k))
        expect({ [`missing in ${other.lang}`]: missingInOther, [`missing in ${base.lang}`]: missingInBase }).toEqual({
          [`missing in ${other.lang}`]: [],
          [`missing in ${base.lang}`]: [],
        })
      }
    })

    it("has no empty or non-string values", () => {
      for (const lang of LANGS) {
        const bad = Object.entries(load(plugin, lang)).filter(([, v]) => typeof v !== "string" || !v.trim())
        expect(bad).toEqual([])
      }
    })

    it("defines every literal t() key and route label the admin uses", () => {
      const en = load(plugin, "en")
      const known = (k: string) => k in en || `${k}_one` in en || `${k}_other` in en
      const used = new Set<string>()
      for (const file of walk(path.join(PLUGINS_DIR, plugin, "src/admin"))) {
        const src = fs.readFileSync(file, "utf8")
        for (const m of src.matchAll(/\bt\(\s*"([A-Za-z0-9_.-]+)"/g)) if (!m[1].startsWith("kit.")) used.add(m[1])
        for (const m of src.matchAll(/label:\s*"([A-Za-z0-9_.-]+)",\s*translationNs:\s*"fission-/g)) used.add(m[1])
      }
      expect([...used].filter((k) => !known(k))).toEqual([])
    })
  })

  it("defines every kit key in core", () => {
    const en = load("core", "en")
    const used = new Set<string>()
    for (const file of walk(__dirname)) {
      for (const m of fs.readFileSync(file, "utf8").matchAll(/\bt\(\s*"(kit\.[A-Za-z0-9_.-]+)"/g)) used.add(m[1])
    }
    expect(used.size).toBeGreaterThan(0)
    expect([...used].filter((k) => !(k in en))).toEqual([])
  })
})
