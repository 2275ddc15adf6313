export * from "./money"
export * from "./campaign-rules"
export * from "./order-lookup"
export * from "./shopper-group-rules"
