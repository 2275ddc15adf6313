export * from "./fair-draw"
export * from "./compliance"
export * from "./cart-checks"
export * from "./ledger"
