import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { requestNow } from "../../../../../../utils/clock"
import { applyCartPointsWorkflow, loadOwnCart, removeCartPointsWorkflow } from "../../../../../../workflows/points-mall"
import { sendMallError } from "../../../../../utils/mall-errors"
import { StoreApplyCartPointsType, StoreRemoveCartPointsType } from "./validators"

const cartView = async (scope: any, id: string) => {
  const { data } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "cart",
    fields: ["id", "total", "subtotal", "discount_total", "item_total", "shipping_total", "promotions.code", "items.id", "items.adjustments.*"],
    filters: { id },
  })
  return data[0]
}

/**
 * POST /store/fission/carts/:id/points `{ line_item_id }` or `{ item_id }` → 200 `{ cart_points, cart }`:
 * reserves points for a points-mall product line and discounts the line by (unit price − cash price) × quantity.
 * 404 for a cart that is not the customer's; 400 `insufficient_points`, `limit_reached`, `level_not_allowed`,
 * `not_a_points_product`, `out_of_stock`; 422 `points_already_applied`.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreApplyCartPointsType>, res: MedusaResponse) => {
  const body = req.validatedBody as StoreApplyCartPointsType
  try {
    const { result: cart_points } = await applyCartPointsWorkflow(req.scope).run({
      input: { cart_id: req.params.id, customer_id: req.auth_context.actor_id, ...body, now: requestNow(req) },
    })
    res.json({ cart_points, cart: await cartView(req.scope, req.params.id) })
  } catch (e) {
    if (!sendMallError(res, e)) throw e
  }
}

/** DELETE /store/fission/carts/:id/points `{ line_item_id? }` → `{ released: [holds], cart }`: points come back. */
export const DELETE = async (req: AuthenticatedMedusaRequest<StoreRemoveCartPointsType>, res: MedusaResponse) => {
  await loadOwnCart(req.scope, req.params.id, req.auth_context.actor_id)
  const { result: released } = await removeCartPointsWorkflow(req.scope).run({
    input: { cart_id: req.params.id, line_item_id: (req.validatedBody as StoreRemoveCartPointsType)?.line_item_id },
  })
  res.json({ released, cart: await cartView(req.scope, req.params.id) })
}
