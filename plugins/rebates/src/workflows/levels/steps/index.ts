export * from "./plan-month-award"
export * from "./write-month-award"
export * from "./reevaluate-uplines"
export * from "./evaluate-month-in-bulk"
