import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WALLET_MODULE, WalletModuleService } from "../../../../modules/wallet"
import type { AdminGetWalletPaymentsParamsType } from "./validators"

const num = (v: any) => Number(v?.value ?? v ?? 0)

/** GET /admin/fission/wallet-payments?customer_id=&status=&source_type=&source_id= — newest first, with their refunds. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetWalletPaymentsParamsType>, res: MedusaResponse) => {
  const { offset, limit, ...filters } = req.validatedQuery as AdminGetWalletPaymentsParamsType
  const service = req.scope.resolve<WalletModuleService>(WALLET_MODULE)
  const where = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined))
  const [payments, count] = await service.listAndCountWalletPayments(where, {
    skip: offset,
    take: limit,
    order: { created_at: "DESC", id: "DESC" },
  })
  const refunds = payments.length
    ? await service.listWalletPaymentRefunds({ wallet_payment_id: payments.map((p) => p.id) }, { order: { created_at: "ASC" } })
    : []
  res.json({
    wallet_payments: payments.map((p: any) => ({
      id: p.id,
      idempotency_key: p.idempotency_key,
      customer_id: p.customer_id,
      currency_code: p.currency_code,
      amount: num(p.raw_amount ?? p.amount),
      refunded_amount: num(p.raw_refunded_amount ?? p.refunded_amount),
      status: p.status,
      failure_reason: p.failure_reason ?? null,
      source_type: p.source_type ?? null,
      source_id: p.source_id ?? null,
      transaction_id: p.transaction_id ?? null,
      created_at: p.created_at,
      refunds: refunds
        .filter((r: any) => r.wallet_payment_id === p.id)
        .map((r: any) => ({ id: r.id, amount: num(r.raw_amount ?? r.amount), status: r.status, reason: r.reason ?? null, created_at: r.created_at })),
    })),
    count,
    offset,
    limit,
  })
}
