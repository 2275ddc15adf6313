export * from "./apply-paid-order-effects"
