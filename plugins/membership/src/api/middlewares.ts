import { defineMiddlewares } from "@medusajs/framework/http"
import { storeCheckInMiddlewares } from "./store/fission/check-ins/middlewares"
import { storeMembershipMiddlewares } from "./store/fission/membership/middlewares"
import { storePointsStatementMiddlewares } from "./store/fission/points/statement/middlewares"
import { adminMembershipSettingsMiddlewares } from "./admin/fission/membership/settings/middlewares"
import { adminMemberLevelMiddlewares } from "./admin/fission/membership/levels/middlewares"
import { adminMembershipCustomerMiddlewares } from "./admin/fission/membership/customers/middlewares"
import { storeMemberTaskMiddlewares } from "./store/fission/tasks/middlewares"
import { storeProductReviewMiddlewares } from "./store/fission/product-reviews/middlewares"
import { adminMemberTaskMiddlewares } from "./admin/fission/membership/tasks/middlewares"
import { adminMembershipStatsMiddlewares } from "./admin/fission/membership/stats/middlewares"
import { pointsMallMiddlewares } from "./points-mall-middlewares"
import { adminMembershipSummaryMiddlewares } from "./admin/fission/membership/summary/middlewares"

// One `middlewares.ts` per resource folder; this file only gathers them.

export default defineMiddlewares({
  routes: [
    ...adminMembershipSummaryMiddlewares,
    ...storeCheckInMiddlewares,
    ...storeMembershipMiddlewares,
    ...storePointsStatementMiddlewares,
    ...adminMembershipSettingsMiddlewares,
    ...adminMemberLevelMiddlewares,
    ...adminMembershipCustomerMiddlewares,
    ...storeMemberTaskMiddlewares,
    ...storeProductReviewMiddlewares,
    ...adminMemberTaskMiddlewares,
    ...adminMembershipStatsMiddlewares,
    ...pointsMallMiddlewares,
  ],
})
