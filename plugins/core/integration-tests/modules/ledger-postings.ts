import { customer, platform } from "../../src/utils/ledger"

/** A points credit `platform:points_issued` → the customer, keyed and sourced by `key`. */
export const earn = (key: string, who: string, amount: number | string, extra: Record<string, unknown> = {}) => ({
  idempotency_key: key,
  asset: "points" as const,
  amount,
  from: platform("points_issued"),
  to: customer(who),
  reason: "test.earn",
  source_type: "test",
  source_id: key,
  ...extra,
})

/** A points debit the customer → `platform:points_spent`, keyed and sourced by `key`. */
export const spend = (key: string, who: string, amount: number | string, extra: Record<string, unknown> = {}) => ({
  idempotency_key: key,
  asset: "points" as const,
  amount,
  from: customer(who),
  to: platform("points_spent"),
  reason: "test.spend",
  source_type: "test",
  source_id: key,
  ...extra,
})
