/** Public identity of this plugin, shared with storefront SDK users and the admin. */
export const FISSION_PLUGIN = {
  name: "@fission/group-draw",
  spec: "§4",
  description: "Group draws and red-envelope groups through real checkout and refunds",
} as const
