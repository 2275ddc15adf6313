export * from "./build-order-earning"
export * from "./claim-membership-order"
export * from "./create-membership-order"
export * from "./plan-order-reversal"
