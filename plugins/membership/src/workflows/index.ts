// Public workflows of @fission/membership, imported as `@fission/membership/workflows`.
export * from "./orders"
export * from "./levels"
export * from "./check-ins"
export * from "./settings"
export * from "./coupons"
export * from "./tasks"
export * from "./birthdays"
export * from "./points-mall"
