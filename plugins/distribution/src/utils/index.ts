export * from "./withdrawals"
export * from "./referral"
