/**
 * The kit's strings live in core's admin translations (`src/admin/i18n/json/*.json`,
 * key `kit`), registered through Medusa's admin i18n (`src/admin/i18n/index.ts`), so
 * every Fission plugin's pages get them once core is installed.
 */
export const KIT_NS = "fission-core"

/** A plugin's namespace: `fission-<plugin>`. */
export const fissionNs = (plugin: string) => `fission-${plugin}`

type Tree = { [key: string]: string | Tree }

/**
 * The dashboard's Chinese is `zhCN`, not a BCP 47 tag: `Intl.PluralRules("zhCN")` throws, so
 * i18next finds no plural rule, adds no `_other` suffix and looks up the bare key — and, not
 * finding it, shows the English `…_other` string. This copies every `key_other` to `key`
 * (where absent), which is exactly Chinese's one plural form. Applied to each plugin's zhCN
 * bundle in its `src/admin/i18n/index.ts`; the JSON files keep the plural keys only.
 */
export function withBarePlurals<T extends Tree>(tree: T): T {
  const out: Tree = {}
  for (const [key, value] of Object.entries(tree)) out[key] = typeof value === "string" ? value : withBarePlurals(value)
  for (const [key, value] of Object.entries(tree)) {
    const bare = key.endsWith("_other") ? key.slice(0, -"_other".length) : null
    if (bare && typeof value === "string" && !(bare in out)) out[bare] = value
  }
  return out as T
}
