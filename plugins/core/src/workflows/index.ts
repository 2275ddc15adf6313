// Public workflows of @fission/core, imported by other plugins as `@fission/core/workflows`.
export * from "./fair-draw"
export * from "./compliance"
export * from "./ledger"
export * from "./order-lifecycle"
export * from "./refund-requests"
export * from "./wallet"
