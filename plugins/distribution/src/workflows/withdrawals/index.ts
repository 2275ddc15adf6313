// Withdrawals and conversion of commission to store credit (SPEC §2.6).
export * from "./steps"
export * from "./workflows"
export type { WithdrawalRow } from "../../modules/distribution/withdrawal-rows"
