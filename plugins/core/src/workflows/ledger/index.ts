export * from "./steps"
export * from "./workflows"
export * from "./transfer-to-store-credit-in-batches"
