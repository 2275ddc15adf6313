export * from "./events"
export * from "./steps"
export * from "./workflows"
export { REFUND_STORE_CREDIT_REFERENCE } from "./execute/refund-to-store-credit"
