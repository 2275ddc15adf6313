export * from "./evaluate-ranks"
export * from "./load-paid-order"
export * from "./plan-team-rewards"
