import en from "./json/en.json"
import zhCN from "./json/zhCN.json"
import { withBarePlurals } from "@fission/core/admin-kit"

/**
 * Medusa's admin translations (from 2.11.1): merged into the dashboard's i18next
 * resources, so the dashboard's language switch (Settings → Profile) changes these
 * pages too. Namespace `fission-rebates`; keys must match between languages (unit spec
 * `plugins/core/src/admin-kit/i18n-parity.unit.spec.ts`). zhCN gets bare copies of its plural
 * keys (`withBarePlurals`: the dashboard's `zhCN` has no Intl plural rule).
 */
export default {
  en: { "fission-rebates": en },
  zhCN: { "fission-rebates": withBarePlurals(zhCN) },
}
