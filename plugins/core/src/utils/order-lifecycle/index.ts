export * from "./reversal"
export * from "./snapshot"
export * from "./reversal-entries"
