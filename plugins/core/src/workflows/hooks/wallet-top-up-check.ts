import { MedusaError } from "@medusajs/framework/utils"
import { registerCartCheck } from "../../utils/cart-checks"
import { topUpLineProblem } from "../../utils/wallet"

/**
 * Wallet top-up lines are credited to store credit once the order is paid, so a cart with
 * a tampered one (top-up metadata on a product line, an amount that differs from the
 * price, a changed quantity, a discount, a guest cart) is not completed.
 */
registerCartCheck("core:wallet-top-up", ({ cart }) => {
  const problem = topUpLineProblem(cart as any)
  if (problem) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, problem)
})
