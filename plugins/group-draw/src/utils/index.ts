export * from "./money"
export * from "./campaign-rules"
export * from "./order-lookup"
