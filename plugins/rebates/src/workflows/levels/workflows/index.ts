export * from "./evaluate-rebate-month"
