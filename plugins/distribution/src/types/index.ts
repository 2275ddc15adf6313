/** Public identity of this plugin, shared with storefront SDK users and the admin. */
export const FISSION_PLUGIN = {
  name: "@fission/distribution",
  spec: "§2",
  description: "Referral binding, promoters, commissions, ranks, teams and withdrawals",
} as const
