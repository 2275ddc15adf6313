import { fromMinor, rateFraction, toMinor } from "@fission/core/utils"

export type WithdrawalBreakdown = {
  /** What leaves the customer's commission balance. */
  amount: string
  /** Kept by the platform (`platform:withdrawal_fees`). */
  fee: string
  /** Paid out to the customer (`platform:withdrawals`). */
  net_amount: string
}

/**
 * fee = amount × fee_rate, rounded half-up to the cent (0.005 → 0.01), computed
 * on integers so no float ever touches the money; net = amount − fee, so
 * fee + net = amount exactly. A fee rate must be in [0, 1).
 *
 * @example computeWithdrawalFee("100", "0.006")  // { amount: "100", fee: "0.6", net_amount: "99.4" }
 * @example computeWithdrawalFee("10.75", "0.02") // 0.215 → fee "0.22", net "10.53"
 */
export function computeWithdrawalFee(amount: string | number, feeRate: string | number): WithdrawalBreakdown {
  const cents = toMinor(amount)
  const [num, den] = rateFraction(feeRate)
  if (num >= den) throw new Error(`withdrawal fee rate must be below 1, got ${feeRate}`)
  // half-up: floor((2·cents·num + den) / (2·den))
  const fee = (2n * cents * num + den) / (2n * den)
  return { amount: fromMinor(cents), fee: fromMinor(fee), net_amount: fromMinor(cents - fee) }
}
