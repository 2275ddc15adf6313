export * from "./record-paid-order-points"
export * from "./release-order-points"
export * from "./reverse-order-points"
