import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { runCartChecks } from "../../utils/cart-checks"

/**
 * The one `completeCartWorkflow.hooks.validate` handler of the whole suite
 * (Medusa allows one handler per hook; @medusajs/loyalty-plugin already owns
 * `beforePaymentAuthorization` and `orderCreated` of this workflow). It runs
 * the checks feature plugins register with `registerCartCheck`, before the
 * order is created and the payment authorized; a check that throws aborts the
 * completion with its error.
 *
 * A cart that already became an order is skipped: completing it again only
 * returns the existing order (core-flows is idempotent through the cart→order
 * link), and a check must not turn that retry into an error — e.g. a daily
 * spend limit that now counts the very order being returned.
 */
completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  if (!cart || cart.completed_at) {
    return
  }
  await runCartChecks({ cart, container })
})
