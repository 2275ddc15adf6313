import { defineMiddlewares } from "@medusajs/framework/http"
import { adminLedgerMiddlewares } from "./admin/fission/ledger/middlewares"
import { storeWalletMiddlewares } from "./store/fission/wallet/middlewares"
import { adminFissionDrawMiddlewares } from "./admin/fission/draws/middlewares"
import { adminComplianceMiddlewares } from "./admin/fission/compliance/middlewares"
import { rejectNulBytes } from "./utils/reject-nul-bytes"
import { adminRefundRequestMiddlewares } from "./admin/fission/refund-requests/middlewares"
import { adminWalletPaymentMiddlewares } from "./admin/fission/wallet-payments/middlewares"
import { storeWalletTopUpMiddlewares } from "./store/fission/wallet/top-ups/middlewares"
import { adminGrowthMiddlewares } from "./admin/fission/growth/middlewares"
import { fissionErrorHandler } from "./utils/error-handler"

// One `middlewares.ts` per resource folder; this file only gathers them.

export default defineMiddlewares({
  // Medusa's handler, with a 503 (connection lost) or 429 (lock wait ran out) to retry instead of a 500.
  errorHandler: fissionErrorHandler(),
  routes: [
    // No `method`: Medusa registers these as global middlewares and sorts them before
    // every route's own ones, so the guard covers all Fission plugins' routes.
    { matcher: "/store/fission*", middlewares: [rejectNulBytes] },
    { matcher: "/admin/fission*", middlewares: [rejectNulBytes] },
    ...storeWalletMiddlewares,
    ...adminLedgerMiddlewares,
    ...adminFissionDrawMiddlewares,
    ...adminComplianceMiddlewares,
    ...adminRefundRequestMiddlewares,
    ...adminWalletPaymentMiddlewares,
    ...storeWalletTopUpMiddlewares,
    ...adminGrowthMiddlewares,
  ],
})
