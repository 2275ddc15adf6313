/** Public identity of this plugin, shared with storefront SDK users and the admin. */
export const FISSION_PLUGIN = {
  name: "@fission/presale",
  spec: "§5",
  description: "Pre-sale campaigns with group rebates and free-order draws",
} as const
