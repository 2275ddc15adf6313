/** Public identity of this plugin, shared with storefront SDK users and the admin. */
export const FISSION_PLUGIN = {
  name: "@fission/blind-box",
  spec: "§7",
  description: "Initiator/opener blind boxes with committed prize positions",
} as const
