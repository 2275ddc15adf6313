/**
 * `reference` values of the loyalty store-credit transactions that wallet movements make
 * (`reference_id` is the Fission record's id), so every balance change can be explained.
 */
export const WALLET_REFERENCES = {
  /** debit: a wallet payment (reference_id = wallet payment id) */
  payment: "fission_wallet_payment",
  /** credit: a wallet payment taken back because the workflow that made it failed later */
  payment_reversal: "fission_wallet_payment_reversal",
  /** credit: a refund of a wallet payment (reference_id = wallet payment refund id) */
  refund: "fission_wallet_payment_refund",
  /** credit: a paid top-up line (reference_id = wallet top-up id) */
  top_up: "fission_wallet_top_up",
} as const

/** Cart/order line metadata key of a wallet top-up line; its value is the amount as a decimal string. */
export const TOP_UP_METADATA_KEY = "fission_wallet_top_up"
