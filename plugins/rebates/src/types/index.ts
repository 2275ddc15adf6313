/** Public identity of this plugin, shared with storefront SDK users and the admin. */
export const FISSION_PLUGIN = {
  name: "@fission/rebates",
  spec: "§3",
  description: "Tiered monthly rebates, dividend points and the dividend pool",
} as const
