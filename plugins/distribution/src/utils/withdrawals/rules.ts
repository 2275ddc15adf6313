import { computeWithdrawalFee, WithdrawalBreakdown } from "./fee"
import { isMoney, moneyToCents } from "./money"

/**
 * How the customer wants to be paid. `manual` = settled offline (e.g. cash at
 * the counter), so it needs no account; every other method needs the account
 * (bank card number, Alipay or WeChat id) to pay into.
 */
export const WITHDRAWAL_METHODS = ["bank_transfer", "alipay", "wechat", "manual"] as const
export type WithdrawalMethod = (typeof WITHDRAWAL_METHODS)[number]

export const WITHDRAWAL_STATUSES = ["requested", "approved", "paid", "rejected"] as const
export type WithdrawalStatus = (typeof WITHDRAWAL_STATUSES)[number]

/** The withdrawal rules of the store (distribution_setting). */
export type WithdrawalSettings = {
  min_amount: string
  fee_rate: string
  /** Requests per customer per UTC day (rejected ones do not count). */
  daily_limit: number
}

export type WithdrawalRequestInput = { amount: string | number; method: string; account?: string | null }

/** A rule broken by a request; `field` names the input at fault. */
export class WithdrawalRuleError extends Error {
  constructor(
    public field: string,
    message: string
  ) {
    super(message)
  }
}

/**
 * Checks what can be decided without the database (amount format and minimum,
 * method, account) and returns the exact fee breakdown. The balance and the
 * daily count are decided in Postgres by the workflow, under concurrency.
 */
export function checkWithdrawalRequest(input: WithdrawalRequestInput, settings: WithdrawalSettings): WithdrawalBreakdown {
  if (!isMoney(input.amount) || moneyToCents(input.amount) <= 0n) {
    throw new WithdrawalRuleError("amount", "amount must be a positive decimal number with at most 2 decimals")
  }
  if (moneyToCents(input.amount) < moneyToCents(settings.min_amount)) {
    throw new WithdrawalRuleError("amount", `amount must be at least the minimum withdrawal of ${settings.min_amount}`)
  }
  if (!(WITHDRAWAL_METHODS as readonly string[]).includes(input.method)) {
    throw new WithdrawalRuleError("method", `method must be one of ${WITHDRAWAL_METHODS.join(", ")}`)
  }
  const account = input.account?.trim()
  if (input.method !== "manual" && !account) {
    throw new WithdrawalRuleError("account", `account is required for method ${input.method}`)
  }
  const breakdown = computeWithdrawalFee(input.amount, settings.fee_rate)
  if (moneyToCents(breakdown.net_amount) <= 0n) {
    throw new WithdrawalRuleError("amount", `amount ${breakdown.amount} leaves nothing to pay out after the fee of ${breakdown.fee}`)
  }
  return breakdown
}

/** The allowed moves; anything else is refused (NOT_ALLOWED, 400) naming the current status. */
export const WITHDRAWAL_TRANSITIONS: Record<"approve" | "reject" | "mark_paid", { from: WithdrawalStatus[]; to: WithdrawalStatus }> = {
  approve: { from: ["requested"], to: "approved" },
  reject: { from: ["requested", "approved"], to: "rejected" },
  mark_paid: { from: ["approved"], to: "paid" },
}

export type WithdrawalAction = keyof typeof WITHDRAWAL_TRANSITIONS

export function withdrawalConflictMessage(id: string, current: string, action: WithdrawalAction) {
  const { from } = WITHDRAWAL_TRANSITIONS[action]
  return `Withdrawal ${id} is ${current}; only ${from.join(" or ")} withdrawals can be ${
    action === "mark_paid" ? "marked paid" : action === "approve" ? "approved" : "rejected"
  }`
}

/** Ledger keys of a withdrawal's pending debits: the payout and (when > 0) the fee. */
export const withdrawalPostingKey = (id: string) => `withdrawal:${id}`
export const withdrawalFeePostingKey = (id: string) => `withdrawal:${id}:fee`
