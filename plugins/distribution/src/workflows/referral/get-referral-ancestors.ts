import { MedusaContainer } from "@medusajs/framework/types"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../modules/distribution"

export type ReferralAncestor = {
  /** The ancestor's customer id. */
  customer_id: string
  /** 1 = the direct referrer, 2 = the referrer's referrer, … */
  depth: number
}

/**
 * The customer's referral ancestors, nearest first, up to `depth` levels:
 * `[{ customer_id, depth: 1 }, { customer_id, depth: 2 }]`.
 *
 * Follows referral pointers in one recursive query (O(depth) index lookups,
 * no closure or tree scan), so it works for any depth. A binding that has
 * expired (`expires_at` passed, SPEC §2.2) cuts the chain: neither that
 * referrer nor anyone above pays. Pass `include_expired: true` for display.
 *
 * For commissions use `depth = min(settings.commission_depth, compliance.max_commission_levels)`
 * — never more than 2 (§0.6).
 *
 * @example
 * const ancestors = await getReferralAncestors(container, order.customer_id, 2)
 */
export async function getReferralAncestors(
  container: Pick<MedusaContainer, "resolve">,
  customerId: string,
  depth: number,
  options: { as_of?: Date; include_expired?: boolean } = {}
): Promise<ReferralAncestor[]> {
  const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  const upline = await service.listReferralUpline(customerId, depth, options)
  return upline.map((u) => ({ customer_id: u.customer_id, depth: Number(u.depth) }))
}
