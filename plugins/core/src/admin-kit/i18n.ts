/**
 * The kit's strings live in core's admin translations (`src/admin/i18n/json/*.json`,
 * key `kit`), registered through Medusa's admin i18n (`src/admin/i18n/index.ts`), so
 * every Fission plugin's pages get them once core is installed.
 */
export const KIT_NS = "fission-core"

/** A plugin's namespace: `fission-<plugin>`. */
export const fissionNs = (plugin: string) => `fission-${plugin}`
