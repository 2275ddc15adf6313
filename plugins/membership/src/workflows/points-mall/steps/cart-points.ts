import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POINTS_MALL_MODULE, PointsMallModuleService } from "../../../modules/points-mall"
import { couponCode, pointsDiscountPerUnit, pointsForUnits } from "../../../utils"
import { loadEligibleItem, MallItemRecord } from "./load-mall-item"

export type ApplyCartPointsInput = {
  cart_id: string
  customer_id: string
  line_item_id?: string
  item_id?: string
  now: Date | string
}

/** The customer's own, open cart (404 for anybody else's: no hint that it exists). */
export async function loadOwnCart(container: any, cart_id: string, customer_id: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "currency_code", "completed_at", "items.id", "items.variant_id", "items.quantity", "items.unit_price"],
    filters: { id: cart_id },
  })
  const cart = data[0]
  if (!cart || cart.customer_id !== customer_id) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${cart_id} was not found`)
  if (cart.completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${cart_id} is already completed`)
  return cart
}

/**
 * Works out what applying points to a line means: the points-mall product item
 * of the line's variant, points = points per unit × quantity, and what the
 * points pay per unit (unit price − cash price). Also draws the code of the
 * per-cart promotion that carries the discount.
 */
export const planCartPointsStep = createStep(
  "fission-membership-plan-cart-points",
  async (input: ApplyCartPointsInput, { container }) => {
    const cart = await loadOwnCart(container, input.cart_id, input.customer_id)
    const service = container.resolve<PointsMallModuleService>(POINTS_MALL_MODULE)
    let line: any
    let item: MallItemRecord | undefined
    if (input.line_item_id) {
      line = cart.items.find((i: any) => i.id === input.line_item_id)
      if (!line) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Line item ${input.line_item_id} is not in cart ${cart.id}`)
      const candidates = (await service.listMallItems({ kind: "product", variant_id: line.variant_id, is_active: true })) as any[]
      item = candidates[0]
      if (!item) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Line item ${line.id} is not a points-mall product`, "not_a_points_product")
      }
    } else {
      ;[item] = (await service.listMallItems({ id: input.item_id! })) as any[]
      if (!item || item.kind !== "product") {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Points-mall product ${input.item_id} was not found`)
      }
      line = cart.items.find((i: any) => i.variant_id === item!.variant_id)
      if (!line) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Add variant ${item.variant_id} to the cart first`, "variant_not_in_cart")
      }
    }
    const quantity = Number(line.quantity)
    const checked = await loadEligibleItem(container, { item_id: item!.id, customer_id: input.customer_id, now: input.now, quantity })
    const discount_per_unit = pointsDiscountPerUnit(line.unit_price, checked.cash_price)
    if (Number(discount_per_unit) <= 0) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `The cash price of ${checked.title} covers its whole price`)
    }
    return new StepResponse({
      hold: {
        cart_id: cart.id,
        line_item_id: line.id,
        item_id: checked.id,
        customer_id: input.customer_id,
        variant_id: line.variant_id,
        quantity,
        points: pointsForUnits(Number(checked.points_cost), quantity),
        currency_code: cart.currency_code,
        discount_per_unit,
      },
      code: couponCode("FMP"),
    })
  }
)

export const reserveCartPointsStep = createStep(
  "fission-membership-reserve-cart-points",
  async (input: Parameters<PointsMallModuleService["reserveCartPoints"]>[0], { container }) => {
    const hold = await container.resolve<PointsMallModuleService>(POINTS_MALL_MODULE).reserveCartPoints(input)
    return new StepResponse(hold, hold.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<PointsMallModuleService>(POINTS_MALL_MODULE).dropCartPointsHold(id)
  }
)

export const setHoldPromotionStep = createStep(
  "fission-membership-set-hold-promotion",
  async (input: { id: string; promotion_id: string; code: string }, { container }) => {
    await container.resolve<PointsMallModuleService>(POINTS_MALL_MODULE).setHoldPromotion(input.id, input.promotion_id, input.code)
    return new StepResponse(input)
  }
)

/**
 * Moves holds between statuses (only those still in `from`); compensation
 * moves them back. Returns the holds this run moved.
 */
export const transitionCartPointsStep = createStep(
  "fission-membership-transition-cart-points",
  async (input: Parameters<PointsMallModuleService["transitionCartPointsHolds"]>[0], { container }) => {
    const moved = await container.resolve<PointsMallModuleService>(POINTS_MALL_MODULE).transitionCartPointsHolds(input)
    return new StepResponse(moved, { ids: moved.map((h) => h.id), from: input.to, to: input.from })
  },
  async (back, { container }) => {
    if (!back?.ids.length) return
    // moves into "released"/"returned" (which give stock back) are the last steps of their workflows,
    // so this only ever undoes a move into "placed"
    await container.resolve<PointsMallModuleService>(POINTS_MALL_MODULE).transitionCartPointsHolds({ ids: back.ids, from: back.from, to: back.to })
  }
)

/** Holds of a cart (optionally one line) or of an order in one status. */
export const listCartPointsHoldsStep = createStep(
  "fission-membership-list-cart-points-holds",
  async (input: { status: "reserved" | "placed"; cart_id?: string; line_item_id?: string; order_id?: string }, { container }) => {
    const filters: Record<string, unknown> = { status: input.status }
    if (input.cart_id) filters.cart_id = input.cart_id
    if (input.line_item_id) filters.line_item_id = input.line_item_id
    if (input.order_id) filters.order_id = input.order_id
    const holds = await container.resolve<PointsMallModuleService>(POINTS_MALL_MODULE).listCartPointsHolds(filters)
    return new StepResponse(holds as any[])
  }
)

/** Deletes the per-cart promotions of released holds (they were single-use and nobody else can use them). */
export const deleteHoldPromotionsStep = createStep(
  "fission-membership-delete-hold-promotions",
  async (promotion_ids: string[], { container }) => {
    if (promotion_ids.length) await container.resolve(Modules.PROMOTION).deletePromotions(promotion_ids)
    return new StepResponse(promotion_ids)
  }
)
