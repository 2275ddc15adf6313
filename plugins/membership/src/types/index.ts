/** Public identity of this plugin, shared with storefront SDK users and the admin. */
export const FISSION_PLUGIN = {
  name: "@fission/membership",
  spec: "§6",
  description: "Points, growth and levels, check-in, tasks, points mall and shopping fund",
} as const
