export * from "./evaluate-rebate-month"
export * from "./reevaluate-uplines"
export * from "./evaluate-month-in-bulk"
