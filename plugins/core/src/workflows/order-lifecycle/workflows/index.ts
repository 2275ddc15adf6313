export * from "./publish-order-lifecycle"
