export * from "./record-rebate-order"
export * from "./reverse-rebate-order"
