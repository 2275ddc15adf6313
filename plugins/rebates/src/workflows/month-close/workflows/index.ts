export * from "./close-rebate-month"
export * from "./reverse-tiered-rebate"
