export * from "./fee"
export * from "./format"
export * from "./payout-providers"
export * from "./rules"
