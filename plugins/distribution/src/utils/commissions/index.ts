export * from "./compute"
export * from "./money"
