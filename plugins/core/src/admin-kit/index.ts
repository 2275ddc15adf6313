/**
 * `@fission/core/admin-kit`: the shared admin kit of the Fission plugins — API client,
 * server-paginated lists, the chart, form drawers, formatting. Built by core's
 * `medusa plugin:build` (as ESM, see ./package.json) and resolved by the dashboard's
 * Vite build when the host bundles the plugins' admin extensions.
 */
export { sdk } from "./sdk.js"
export { errorMessage, errorStatus, fieldErrors } from "./errors.js"
export { useStoreFormat, makeFormat, intlLocale, type StoreFormat } from "./format.js"
export {
  DataList,
  Pager,
  useServerList,
  filteringToQuery,
  type DataListProps,
  type ServerList,
  type ServerListOptions,
} from "./data-list.js"
export { fetchAllPages, useAllPages } from "./all-pages.js"
export { Chart, CHART_COLORS, type ChartProps, type ChartSeries } from "./chart.js"
export { FormDrawer, Field, FieldErrorsProvider, fieldId, PromptDrawer, type FormDrawerProps, type TextPrompt } from "./form-drawer.js"
export { KIT_NS, fissionNs, withBarePlurals } from "./i18n.js"
export { Card, CardHeader, Fact, FormError, SaveRow, Section, SettingRow } from "./layout.js"
export { SelectInput, RowsTable, Stack } from "./controls.js"
export { ProductCampaigns } from "./product-campaigns.js"
export { useSettingsForm } from "./settings-form.js"
export { createDataTableColumnHelper, createDataTableFilterHelper } from "@medusajs/ui"
