/** Public identity of this plugin, shared with storefront SDK users and the admin. */
export const FISSION_PLUGIN = {
  name: "@fission/core",
  spec: "§1",
  description: "Reward ledger, provably fair draws, compliance settings and the core-workflow hook dispatcher",
} as const
