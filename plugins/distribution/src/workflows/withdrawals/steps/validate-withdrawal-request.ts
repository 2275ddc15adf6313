import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { checkWithdrawalRequest, WithdrawalBreakdown, WithdrawalRuleError } from "../../../utils/withdrawals"
import { WithdrawalContext } from "./load-withdrawal-context"

/** @fission/core's ledger module key (its service is resolved untyped: core ships no .d.ts). */
const LEDGER_MODULE = "fission_ledger"

export type ValidateWithdrawalRequestInput = {
  customer_id: string
  amount: string | number
  method: string
  account?: string | null
  context: WithdrawalContext
}

/**
 * The rules that need no lock (minimum, method, account, fee) plus a friendly
 * early check of the available balance. The balance is *decided* later by the
 * ledger's conditional hold; this check only spares a request row and gives a
 * clear message in the common case.
 */
export const validateWithdrawalRequestStep = createStep(
  "fission-distribution-validate-withdrawal-request",
  async (input: ValidateWithdrawalRequestInput, { container }) => {
    let breakdown: WithdrawalBreakdown
    try {
      breakdown = checkWithdrawalRequest(input, input.context.settings)
    } catch (e) {
      if (e instanceof WithdrawalRuleError) throw new MedusaError(MedusaError.Types.INVALID_DATA, e.message)
      throw e
    }
    const ledger = container.resolve<any>(LEDGER_MODULE)
    const balances: any[] = await ledger.retrieveBalances({ owner_type: "customer", owner_id: input.customer_id })
    const main = balances.find(
      (b) => b.asset === "commission" && b.purpose === "main" && b.currency_code === input.context.currency_code
    )
    const available = String(main?.available ?? 0)
    if (MathBN.gt(breakdown.amount, available)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Insufficient commission balance: amount ${breakdown.amount} exceeds the available ${MathBN.convert(available).toString()}`
      )
    }
    return new StepResponse(breakdown)
  }
)
