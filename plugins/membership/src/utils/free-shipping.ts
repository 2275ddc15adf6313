/**
 * The automatic Medusa promotion that gives a level free shipping (SPEC §6.2):
 * 100 % off every shipping method of the cart, applied by Medusa's own cart
 * promotion flow when the customer is in the level's customer group and the
 * cart's item total (goods after discounts, incl. tax — what the shopper pays
 * for goods) reaches the threshold.
 */
export function freeShippingPromotionData(level: { id: string; name: string; customer_group_id: string; free_shipping_threshold: string | number }, stamp: string) {
  return {
    // codes stay unique among soft-deleted promotions too: a new code per version
    code: `FISSION-FREESHIP-${level.id}-${stamp}`.toUpperCase(),
    type: "standard" as const,
    status: "active" as const,
    is_automatic: true,
    application_method: {
      type: "percentage" as const,
      target_type: "shipping_methods" as const,
      allocation: "across" as const,
      value: 100,
      description: `Free shipping for ${level.name} members`,
    },
    rules: [
      { attribute: "customer.groups.id", operator: "in" as const, values: [level.customer_group_id] },
      { attribute: "item_total", operator: "gte" as const, values: [String(level.free_shipping_threshold)] },
    ],
  }
}
