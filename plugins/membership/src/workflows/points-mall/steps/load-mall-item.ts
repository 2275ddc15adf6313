import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../modules/membership"
import { POINTS_MALL_MODULE, PointsMallModuleService } from "../../../modules/points-mall"
import type { RedemptionRow } from "../../../modules/points-mall/service"
import { mallItemEligibility } from "../../../utils/points-mall"

export type MallItemRecord = {
  id: string
  title: string
  kind: "coupon" | "product" | "store_credit"
  points_cost: number
  template_promotion_id: string | null
  variant_id: string | null
  cash_price: number | null
  credit_amount: number | null
  currency_code: string | null
  stock: number | null
  per_customer_limit: number | null
  allowed_level_ids: string[] | null
  starts_at: Date | null
  ends_at: Date | null
  is_active: boolean
}

/** The customer's current member level id (null: not a member of any level yet). */
export async function customerLevelId(container: any, customer_id: string): Promise<string | null> {
  const membership = container.resolve(MEMBERSHIP_MODULE) as MembershipModuleService
  const [profile] = await membership.listMemberProfiles({ customer_id })
  return profile?.level_id ?? null
}

/**
 * Loads an item and refuses, with a named code, a customer who may not redeem
 * it now (inactive, outside its window, level, limit, stock). Stock and limit
 * are decided again by the database when reserving.
 */
export async function loadEligibleItem(
  container: any,
  input: { item_id: string; customer_id: string; now: Date | string; quantity?: number }
): Promise<MallItemRecord> {
  const service = container.resolve(POINTS_MALL_MODULE) as PointsMallModuleService
  const [item] = (await service.listMallItems({ id: input.item_id })) as unknown as MallItemRecord[]
  if (!item) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Points-mall item ${input.item_id} was not found`)
  const [level_id, usage] = await Promise.all([
    customerLevelId(container, input.customer_id),
    service.usageOf(input.customer_id, [item.id]),
  ])
  const verdict = mallItemEligibility(item, {
    now: new Date(input.now),
    level_id,
    used: usage.get(item.id) ?? 0,
    quantity: input.quantity,
  })
  if (!verdict.eligible) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, verdict.message, verdict.code)
  }
  return item
}

export type LoadedRedemption = { replay: RedemptionRow | null; item: MallItemRecord | null }

/**
 * What a redemption request is: a replay of a completed redemption (its key was
 * seen), answered before any limit is checked — the first redemption may have used
 * up the stock or the customer's limit — or a new one, for an item the customer may
 * redeem now.
 */
export const loadMallItemForRedemptionStep = createStep(
  "fission-membership-load-mall-item-for-redemption",
  async (input: { item_id: string; customer_id: string; idempotency_key: string; now: Date | string }, { container }) => {
    const respond = (loaded: LoadedRedemption) => new StepResponse<LoadedRedemption>(loaded)
    const service = container.resolve<PointsMallModuleService>(POINTS_MALL_MODULE)
    const replay = await service.findRedemptionReplay(input)
    if (replay) return respond({ replay, item: null })
    let item: MallItemRecord
    try {
      item = await loadEligibleItem(container, input)
    } catch (refusal) {
      // A request with the same key may have taken the last unit (or use) since the lookup
      // above: it answers this one (its redemption, or "in progress"), not the refusal.
      const raced = await service.findRedemptionReplay(input)
      if (raced) return respond({ replay: raced, item: null })
      throw refusal
    }
    if (item.kind === "product") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Item ${item.id} is a product: add variant ${item.variant_id} to a cart and apply points with POST /store/fission/carts/:id/points`,
        "redeem_in_cart"
      )
    }
    return respond({ replay: null, item })
  }
)
