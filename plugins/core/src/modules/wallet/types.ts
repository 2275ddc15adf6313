export type WalletPaymentStatus = "pending" | "succeeded" | "failed" | "reversed"

export type WalletPaymentRow = {
  id: string
  idempotency_key: string
  customer_id: string
  currency_code: string
  amount: string
  refunded_amount: string
  status: WalletPaymentStatus
  store_credit_account_id: string | null
  transaction_id: string | null
  failure_reason: string | null
  source_type: string | null
  source_id: string | null
  note: string | null
  metadata: Record<string, unknown> | null
  created_at: Date
  updated_at: Date
}

export type WalletPaymentRefundRow = {
  id: string
  wallet_payment_id: string
  idempotency_key: string
  customer_id: string
  currency_code: string
  amount: string
  status: "pending" | "succeeded"
  transaction_id: string | null
  reason: string | null
  note: string | null
  created_at: Date
  updated_at: Date
}

export type WalletTopUpRow = {
  id: string
  line_item_id: string
  order_id: string
  customer_id: string
  currency_code: string
  amount: string
  status: "pending" | "credited"
  transaction_id: string | null
  credited_at: Date | null
  created_at: Date
}

export type NewWalletPayment = {
  idempotency_key: string
  customer_id: string
  currency_code: string
  amount: string
  source_type?: string | null
  source_id?: string | null
  note?: string | null
  metadata?: Record<string, unknown> | null
}
