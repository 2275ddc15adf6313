export * from "./tier-price"
export * from "./campaign-rules"
export * from "./lines"
export * from "./rules-of"
