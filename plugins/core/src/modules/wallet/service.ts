import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { WalletPayment, WalletPaymentRefund, WalletTopUp } from "./models"
import { paymentById, recordPayment, transitionPayment } from "./store/payments"
import { markRefundSucceeded, releaseRefund, reserveRefund } from "./store/refunds"
import { Trx } from "./store/rows"
import { markTopUpCredited, NewTopUp, recordTopUps } from "./store/top-ups"
import { NewWalletPayment } from "./types"

const knexOf = (sharedContext: Context): Trx => {
  const manager = (sharedContext.transactionManager ?? sharedContext.manager) as any
  return manager.getTransactionContext?.() ?? manager.getKnex()
}

/**
 * Wallet payments, their refunds and paid top-ups. The balance itself lives in the
 * loyalty plugin's store credit; these records make each movement idempotent (unique
 * keys decided in Postgres) and resumable after a crash.
 */
export default class WalletModuleService extends MedusaService({ WalletPayment, WalletPaymentRefund, WalletTopUp }) {
  @InjectTransactionManager()
  async recordPayment(input: NewWalletPayment, @MedusaContext() sharedContext: Context = {}) {
    return recordPayment(knexOf(sharedContext), input)
  }

  @InjectManager()
  async retrievePaymentRow(id: string, @MedusaContext() sharedContext: Context = {}) {
    const payment = await paymentById(knexOf(sharedContext), id)
    if (!payment) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Wallet payment with id: ${id} was not found`)
    return payment
  }

  @InjectTransactionManager()
  async transitionPayment(
    id: string,
    from: string[],
    to: string,
    fields: { store_credit_account_id?: string | null; transaction_id?: string | null; failure_reason?: string | null } = {},
    @MedusaContext() sharedContext: Context = {}
  ) {
    return transitionPayment(knexOf(sharedContext), id, from, to, fields)
  }

  @InjectTransactionManager()
  async reserveRefund(
    input: { wallet_payment_id: string; idempotency_key: string; amount: string | null; reason?: string | null; note?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return reserveRefund(knexOf(sharedContext), input)
  }

  @InjectTransactionManager()
  async releaseRefund(id: string, @MedusaContext() sharedContext: Context = {}) {
    return releaseRefund(knexOf(sharedContext), id)
  }

  @InjectTransactionManager()
  async markRefundSucceeded(id: string, transactionId: string, @MedusaContext() sharedContext: Context = {}) {
    return markRefundSucceeded(knexOf(sharedContext), id, transactionId)
  }

  @InjectTransactionManager()
  async recordTopUps(lines: NewTopUp[], @MedusaContext() sharedContext: Context = {}) {
    return recordTopUps(knexOf(sharedContext), lines)
  }

  @InjectTransactionManager()
  async markTopUpCredited(id: string, transactionId: string, @MedusaContext() sharedContext: Context = {}) {
    return markTopUpCredited(knexOf(sharedContext), id, transactionId)
  }
}
