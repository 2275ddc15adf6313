export * from "./record-paid-order"
export * from "./raise-order-reversed"
export * from "./evaluate-affected-months"
