import { MiddlewareRoute } from "@medusajs/framework/http"
import { storePointsMallMiddlewares } from "./store/fission/points-mall/middlewares"
import { storeCouponMiddlewares } from "./store/fission/coupons/middlewares"
import { storeCartPointsMiddlewares } from "./store/fission/carts/[id]/points/middlewares"
import { adminMallItemMiddlewares } from "./admin/fission/points-mall/items/middlewares"
import { adminCouponRuleMiddlewares } from "./admin/fission/points-mall/coupon-rules/middlewares"
import { adminRedemptionMiddlewares } from "./admin/fission/points-mall/redemptions/middlewares"
import { adminLevelCouponMiddlewares } from "./admin/fission/points-mall/level-coupons/middlewares"

// Points mall and coupons (SPEC §6.5, §6.7), gathered here so the plugin's middlewares.ts stays a short list.
export const pointsMallMiddlewares: MiddlewareRoute[] = [
  ...storePointsMallMiddlewares,
  ...storeCartPointsMiddlewares,
  ...storeCouponMiddlewares,
  ...adminMallItemMiddlewares,
  ...adminCouponRuleMiddlewares,
  ...adminLevelCouponMiddlewares,
  ...adminRedemptionMiddlewares,
]
