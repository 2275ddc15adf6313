import type { StoreRouteKey } from "./generated/types"

/**
 * Every Store route → the SDK method that calls it (`resource.method` on {@link Fission}).
 * Typed as a total map over the generated route keys, so a new Store route fails `tsc` until it
 * has a method here; `scripts/openapi.unit.spec.ts` checks the same against the route files.
 */
export const ROUTES = {
  "GET /store/fission/draws/:id": "draws.retrieve",
  "GET /store/fission/compliance": "compliance.retrieve",
  "GET /store/fission/wallet": "wallet.retrieve",
  "GET /store/fission/wallet/history": "wallet.history",
  "POST /store/fission/wallet/top-ups": "wallet.topUp",

  "GET /store/fission/referral": "referral.retrieve",
  "POST /store/fission/referral/bind": "referral.bind",
  "GET /store/fission/referral/poster": "referral.poster",
  "POST /store/fission/promoter/apply": "promoter.apply",
  "GET /store/fission/team": "team.list",
  "GET /store/fission/team/summary": "team.summary",
  "GET /store/fission/commissions": "commissions.list",
  "POST /store/fission/commissions/convert": "commissions.convert",
  "GET /store/fission/withdrawals": "withdrawals.list",
  "GET /store/fission/withdrawals/:id": "withdrawals.retrieve",
  "POST /store/fission/withdrawals": "withdrawals.create",
  "GET /store/fission/leaderboard": "leaderboard.list",

  "GET /store/fission/rebates/status": "rebates.status",
  "GET /store/fission/rebates/history": "rebates.history",

  "GET /store/fission/group-draws": "groupDraws.list",
  "GET /store/fission/group-draws/:id": "groupDraws.retrieve",
  "POST /store/fission/group-draws/:id/groups": "groupDraws.openGroup",
  "GET /store/fission/groups/:group_id": "groups.retrieve",
  "GET /store/fission/my/groups": "groups.mine",

  "GET /store/fission/presales": "presales.list",
  "GET /store/fission/presales/:id": "presales.retrieve",
  "GET /store/fission/presales/:id/draws": "presales.draws",
  "POST /store/fission/presales/:id/line-items": "presales.addToCart",

  "GET /store/fission/blind-box-templates": "blindBoxes.templates",
  "GET /store/fission/blind-box-age-confirmation": "blindBoxes.ageConfirmation",
  "POST /store/fission/blind-box-age-confirmation": "blindBoxes.confirmAge",
  "POST /store/fission/blind-boxes": "blindBoxes.initiate",
  "GET /store/fission/blind-boxes/:id": "blindBoxes.retrieve",
  "POST /store/fission/blind-boxes/:id/opens": "blindBoxes.open",
  "POST /store/fission/blind-boxes/:id/claim": "blindBoxes.claim",
  "GET /store/fission/my/blind-boxes": "blindBoxes.mine",

  "GET /store/fission/membership": "membership.retrieve",
  "POST /store/fission/membership": "membership.update",
  "GET /store/fission/membership/exclusive-products": "membership.exclusiveProducts",
  "GET /store/fission/points/statement": "points.statement",
  "POST /store/fission/carts/:id/points": "points.applyToCart",
  "DELETE /store/fission/carts/:id/points": "points.removeFromCart",
  "GET /store/fission/check-ins": "checkIns.list",
  "POST /store/fission/check-ins": "checkIns.create",
  "POST /store/fission/check-ins/makeup": "checkIns.makeup",
  "GET /store/fission/tasks": "tasks.list",
  "POST /store/fission/tasks/:id/claim": "tasks.claim",
  "POST /store/fission/tasks/shares": "tasks.reportShare",
  "GET /store/fission/points-mall": "pointsMall.list",
  "POST /store/fission/points-mall/:item_id/redeem": "pointsMall.redeem",
  "GET /store/fission/coupons": "coupons.list",
  "GET /store/fission/product-reviews": "productReviews.list",
  "POST /store/fission/product-reviews": "productReviews.create",
} as const satisfies Record<StoreRouteKey, `${string}.${string}`>

export type RouteMethod = (typeof ROUTES)[StoreRouteKey]
