import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { assertCampaignBuyer, campaignLinesOf } from "../../utils/campaign-lines"
import { runCartChecks } from "../../utils/cart-checks"

/**
 * The one `completeCartWorkflow.hooks.validate` handler of the whole suite
 * (Medusa allows one handler per hook; @medusajs/loyalty-plugin already owns
 * `beforePaymentAuthorization` and `orderCreated` of this workflow). Before the
 * order is created and the payment authorized:
 *
 * 1. a cart with a campaign line (any kind registered with
 *    `registerCampaignLineKind`) must belong to a registered, logged-in customer
 *    who is not an admin — every campaign plugin inherits this, so a guest
 *    checkout never joins a group draw, a pre-sale or a blind box;
 * 2. the checks feature plugins register with `registerCartCheck` run in order;
 *    the first that throws aborts the completion with its error.
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
  if (campaignLinesOf((cart as any).items).length) await assertCampaignBuyer(container, cart as any)
  await runCartChecks({ cart, container })
})
