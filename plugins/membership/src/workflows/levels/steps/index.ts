export * from "./evaluate-member-level"
export * from "./manage-member-levels"
export * from "./sync-free-shipping-promotion"
