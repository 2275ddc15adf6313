import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FissionOrderEventData, FissionOrderEvents } from "@fission/core/utils"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../modules/membership"
import { releaseShoppingFund, shoppingFundBonusKey, shoppingFundInviteBonusKey } from "../utils"
import { referrerOf } from "../utils/referrer"

/**
 * Accelerated release (SPEC §6.6): an order that joins a campaign (any line core
 * knows as a campaign line: group draw, pre-sale, blind box…) releases `shopping_fund_participation_bonus_rate`
 * of the buyer's posted fund (`shopping-fund-bonus:<order_id>`) and
 * `shopping_fund_invite_bonus_rate` of their direct referrer's (`shopping-fund-invite-bonus:<order_id>`).
 * Keyed by the order, so a redelivered event releases nothing more.
 */
export default async function orderPlacedShoppingFundBonus({ event, container }: SubscriberArgs<FissionOrderEventData>) {
  const { order } = event.data
  if (!order.customer_id || !order.registered || !order.lines.some((l) => l.campaign)) return
  const settings = await container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).retrieveSettings()
  const common = { currency_code: order.currency_code, source_type: "order", source_id: order.id }
  if (Number(settings.shopping_fund_participation_bonus_rate) > 0) {
    await releaseShoppingFund(container, {
      ...common,
      customer_id: order.customer_id,
      rate: String(settings.shopping_fund_participation_bonus_rate),
      idempotency_key: () => shoppingFundBonusKey(order.id),
      reason: "shopping_fund.participation_bonus",
    })
  }
  const referrer = Number(settings.shopping_fund_invite_bonus_rate) > 0 ? await referrerOf(container, order.customer_id) : null
  if (referrer) {
    await releaseShoppingFund(container, {
      ...common,
      customer_id: referrer,
      rate: String(settings.shopping_fund_invite_bonus_rate),
      idempotency_key: () => shoppingFundInviteBonusKey(order.id),
      reason: "shopping_fund.invite_bonus",
    })
  }
}

export const config: SubscriberConfig = {
  event: FissionOrderEvents.PLACED,
  context: { subscriberId: "fission-membership-shopping-fund-bonus" },
}
