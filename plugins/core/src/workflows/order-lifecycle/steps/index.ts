export * from "./emit-order-events"
export * from "./load-fission-order"
export * from "./resolve-lifecycle-order"
