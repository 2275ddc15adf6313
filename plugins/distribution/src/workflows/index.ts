// Public workflows of @fission/distribution, imported as `@fission/distribution/workflows`.
export * from "./withdrawals"
export * from "./referral"
export * from "./promoters"
export * from "./settings"
export * from "./commissions"
export * from "./team-rewards"
export * from "./product-commissions"
