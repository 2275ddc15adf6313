import { defineMiddlewares } from "@medusajs/framework/http"
import { adminWithdrawalMiddlewares } from "./admin/fission/withdrawals/middlewares"
import { storeCommissionConvertMiddlewares } from "./store/fission/commissions/convert/middlewares"
import { storeWithdrawalMiddlewares } from "./store/fission/withdrawals/middlewares"
import { storeReferralMiddlewares } from "./store/fission/referral/middlewares"
import { storePromoterMiddlewares } from "./store/fission/promoter/middlewares"
import { storeTeamMiddlewares } from "./store/fission/team/middlewares"
import { storeLeaderboardMiddlewares } from "./store/fission/leaderboard/middlewares"
import { adminDistributionSettingsMiddlewares } from "./admin/fission/distribution/settings/middlewares"
import { adminPromoterMiddlewares } from "./admin/fission/promoters/middlewares"
import { adminReferralMiddlewares } from "./admin/fission/referrals/middlewares"
import { adminRankMiddlewares } from "./admin/fission/ranks/middlewares"
import { storeCommissionMiddlewares } from "./store/fission/commissions/middlewares"
import { adminCommissionMiddlewares } from "./admin/fission/commissions/middlewares"
import { adminOrderCommissionMiddlewares } from "./admin/fission/orders/middlewares"
import { adminProductCommissionMiddlewares } from "./admin/fission/products/middlewares"
import { adminCustomerDistributionMiddlewares } from "./admin/fission/customers/middlewares"
import { adminDistributionSummaryMiddlewares } from "./admin/fission/distribution/summary/middlewares"

// One `middlewares.ts` per resource folder; this file only gathers them.

export default defineMiddlewares({
  routes: [
    ...storeWithdrawalMiddlewares,
    ...storeCommissionConvertMiddlewares,
    ...adminWithdrawalMiddlewares,
    ...storeReferralMiddlewares,
    ...storePromoterMiddlewares,
    ...storeTeamMiddlewares,
    ...storeLeaderboardMiddlewares,
    ...adminDistributionSettingsMiddlewares,
    ...adminPromoterMiddlewares,
    ...adminReferralMiddlewares,
    ...adminRankMiddlewares,
    ...storeCommissionMiddlewares,
    ...adminCommissionMiddlewares,
    ...adminOrderCommissionMiddlewares,
    ...adminProductCommissionMiddlewares,
    ...adminCustomerDistributionMiddlewares,
    ...adminDistributionSummaryMiddlewares,
  ],
})
