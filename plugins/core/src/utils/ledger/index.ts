export * from "./assets"
export * from "./amount"
