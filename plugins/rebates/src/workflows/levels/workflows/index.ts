export * from "./evaluate-rebate-month"
export * from "./reevaluate-uplines"
