// What the admin smoke test calls untranslated in a zh-CN run, from the Fission plugins'
// own bundles (`plugins/*/src/admin/i18n/json/{en,zhCN}.json`):
// - a key rendered as text: i18next shows the key when a language lacks it, so a text
//   equal to a bundle key path ("growth.kind.earned"), or a dotted word whose first part
//   is a top-level key of a bundle ("growth.kind.unknown"), or with its namespace
//   ("fission-core:…");
// - an English string of an en bundle shown verbatim where zhCN has a different string
//   (a page that bypasses `t`, or reads the wrong namespace). Not counted: texts with Chinese
//   in them (an interpolated value such as a level name inside a translated sentence), the
//   dashboard's own strings (Medusa's en.json and its draft-order and loyalty plugins:
//   their zhCN gaps, e.g. "Search", "Drafts", are not Fission's) and the demo's data (string literals of src/scripts/seed.ts: level and task
//   names, …), which are English in any language.
import fs from "node:fs"
import path from "node:path"

const flatten = (obj, prefix = "", out = {}) => {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (v && typeof v === "object") flatten(v, key, out)
    else out[key] = String(v)
  }
  return out
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/** Texts that are English in the zh-CN run without being a Fission translation gap. */
export function loadNotOurs(root) {
  const texts = new Set()
  const dashboard = path.join(root, "node_modules/@medusajs/dashboard/src/i18n/translations/en.json")
  if (fs.existsSync(dashboard)) for (const v of Object.values(flatten(JSON.parse(fs.readFileSync(dashboard, "utf8"))))) texts.add(v)
  const seed = path.join(root, "src/scripts/seed.ts")
  if (fs.existsSync(seed)) for (const m of fs.readFileSync(seed, "utf8").matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`([^`$\n]*)`/g)) texts.add(m[1] ?? m[2] ?? m[3])
  // Medusa's own plugins in the dashboard (draft orders, loyalty), English-only in 2.21: their labels
  for (const plugin of ["draft-order", "loyalty-plugin"]) {
    const bundle = path.join(root, "node_modules/@medusajs", plugin, ".medusa/server/src/admin/index.mjs")
    if (fs.existsSync(bundle)) for (const m of fs.readFileSync(bundle, "utf8").matchAll(/"([A-Z][A-Za-z ,.'-]{1,80})"/g)) texts.add(m[1])
  }
  // Medusa's data, not its strings: the default shipping profile's type
  texts.add("default")
  return texts
}

export function loadBundles(root) {
  const bundles = []
  for (const plugin of fs.readdirSync(path.join(root, "plugins"))) {
    const dir = path.join(root, "plugins", plugin, "src", "admin", "i18n", "json")
    if (!fs.existsSync(path.join(dir, "en.json"))) continue
    const read = (lang) => JSON.parse(fs.readFileSync(path.join(dir, `${lang}.json`), "utf8"))
    const en = read("en")
    bundles.push({ ns: `fission-${plugin}`, en: flatten(en), zh: flatten(read("zhCN")), top: Object.keys(en) })
  }
  return bundles
}

/** A checker of one page's visible texts (text nodes, placeholders, titles). */
export function untranslatedChecker(bundles, notOurs = new Set()) {
  const keys = new Set(bundles.flatMap((b) => Object.keys(b.en)))
  const tops = new Set(bundles.flatMap((b) => b.top))
  const dotted = /^(?:fission-[a-z-]+:)?([a-z][A-Za-z0-9]*)(?:\.[A-Za-z0-9_]+)+$/
  const english = new Map()
  for (const b of bundles)
    for (const [key, en] of Object.entries(b.en)) {
      const zh = b.zh[key]
      // only strings a reader would recognise as English (and that zhCN really translates)
      if (!zh || zh === en || !/[A-Za-z]{3}/.test(en)) continue
      const stripped = en.replace(/\{\{[^}]+\}\}/g, "").trim()
      if (!/[A-Za-z]{3}/.test(stripped)) continue
      const re = en.includes("{{") ? new RegExp(`^${en.split(/\{\{[^}]+\}\}/).map(escape).join(".+?")}$`) : null
      english.set(`${b.ns}:${key}`, { en, re })
    }
  return (texts) => {
    const problems = new Set()
    for (const raw of texts) {
      const text = raw.trim()
      if (!text) continue
      const m = dotted.exec(text)
      if (m && (keys.has(text.replace(/^fission-[a-z-]+:/, "")) || tops.has(m[1]) || text.startsWith("fission-"))) {
        problems.add(`key shown: "${text}"`)
        continue
      }
      if (/[\u3400-\u9fff]/.test(text) || notOurs.has(text)) continue
      for (const [id, { en, re }] of english)
        if (re ? re.test(text) : text === en) problems.add(`English "${text}" (${id})`)
    }
    return [...problems]
  }
}

/** Runs in the page: every visible text node, placeholder and title. */
export const collectTexts = () => {
  const out = []
  const visible = (el) => (el.checkVisibility ? el.checkVisibility() : el.offsetParent !== null)
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement
    if (!el || el.closest("script,style,noscript") || !visible(el)) continue
    const t = n.textContent.trim()
    if (t) out.push(t)
  }
  for (const el of document.querySelectorAll("[placeholder],[title]")) {
    if (!visible(el)) continue
    for (const a of ["placeholder", "title"]) if (el.getAttribute(a)) out.push(el.getAttribute(a))
  }
  return out
}
