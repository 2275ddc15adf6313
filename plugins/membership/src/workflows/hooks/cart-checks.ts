import { MedusaError } from "@medusajs/framework/utils"
import { registerCartCheck } from "@fission/core/utils"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../modules/membership"
import { firstRestrictedProduct } from "../../utils"

/**
 * Before payment (SPEC §6.2): a product a member level lists as exclusive can be
 * bought only by members at or above that level; otherwise the cart is refused
 * with a 400 naming the product and the level it needs.
 */
registerCartCheck("membership:exclusive-products", async ({ cart, container }) => {
  const items = ((cart.items ?? []) as any[]).filter((i) => i?.product_id)
  if (!items.length) return
  const service: MembershipModuleService = container.resolve(MEMBERSHIP_MODULE)
  const levels = await service.listMemberLevels({})
  if (!levels.some((l: any) => Array.isArray(l.exclusive_product_ids) && l.exclusive_product_ids.length)) return
  const customer_id: string | null = cart.customer_id ?? cart.customer?.id ?? null
  const [profile] = customer_id ? await service.listMemberProfiles({ customer_id }, { select: ["level_id"] }) : []
  const refused = firstRestrictedProduct(levels as any[], profile?.level_id ?? null, items.map((i) => i.product_id))
  if (!refused) return
  const item = items.find((i) => i.product_id === refused.product_id)
  const title = item?.product_title ?? item?.title ?? refused.product_id
  throw new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    `"${title}" (${refused.product_id}) is exclusive to ${refused.level.name} members and above`
  )
})
