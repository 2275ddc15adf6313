import { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import LedgerAccount from "./models/ledger-account"
import LedgerLotAllocation from "./models/ledger-lot-allocation"
import LedgerPosting from "./models/ledger-posting"
import { PostingResult, postOne, reverseOne, settleOne } from "./store/engine"
import { expireLotsBatch } from "./store/expiry"
import { assertLimit, balancesOf, historyOf, HistoryQuery, reconcile } from "./store/reports"
import { Trx } from "./store/sql"
import { PostingInput, ReverseInput, SettleInput } from "./types"

const knexOf = (sharedContext: Context): Trx => {
  const manager = (sharedContext.transactionManager ?? sharedContext.manager) as any
  return manager.getTransactionContext?.() ?? manager.getKnex()
}

/**
 * The reward ledger (SPEC §0.2). Every write runs in one database transaction:
 * a batch of postings is all-or-nothing, and balance checks are conditional
 * updates on the customer account row, so concurrency is decided in Postgres.
 */
export default class LedgerModuleService extends MedusaService({
  LedgerAccount,
  LedgerPosting,
  LedgerLotAllocation,
}) {
  /** Posts (or holds, with status pending) a batch atomically; repeated keys replay. */
  @InjectManager()
  async post(inputs: PostingInput[], @MedusaContext() sharedContext: Context = {}): Promise<PostingResult[]> {
    return this.post_(inputs, sharedContext)
  }

  @InjectTransactionManager()
  protected async post_(inputs: PostingInput[], @MedusaContext() sharedContext: Context = {}) {
    const trx = knexOf(sharedContext)
    const results: PostingResult[] = []
    for (const input of inputs) results.push(await postOne(trx, input))
    return results
  }

  /** Posts or voids pending postings; settling twice the same way is a no-op. */
  @InjectManager()
  async settle(inputs: SettleInput[], @MedusaContext() sharedContext: Context = {}): Promise<PostingResult[]> {
    return this.settle_(inputs, sharedContext)
  }

  @InjectTransactionManager()
  protected async settle_(inputs: SettleInput[], @MedusaContext() sharedContext: Context = {}) {
    const trx = knexOf(sharedContext)
    const results: PostingResult[] = []
    for (const input of inputs) results.push(await settleOne(trx, input))
    return results
  }

  /** Reverses postings fully or in part with new, linked postings. */
  @InjectManager()
  async reverse(inputs: ReverseInput[], @MedusaContext() sharedContext: Context = {}): Promise<PostingResult[]> {
    return this.reverse_(inputs, sharedContext)
  }

  @InjectTransactionManager()
  protected async reverse_(inputs: ReverseInput[], @MedusaContext() sharedContext: Context = {}) {
    const trx = knexOf(sharedContext)
    const results: PostingResult[] = []
    for (const input of inputs) results.push(...(await reverseOne(trx, input)))
    return results
  }

  /** Expires every due lot, in batches of accounts; returns the number of lots expired. */
  @InjectManager()
  async expireLots(
    { as_of = new Date(), batch_size = 1000 }: { as_of?: Date; batch_size?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ) {
    let total = 0
    let after: string | null = null
    for (;;) {
      const batch = await this.expireBatch_(as_of, batch_size, after, sharedContext)
      if (!batch.last_account_id) return total
      total += batch.expired
      after = batch.last_account_id
    }
  }

  @InjectTransactionManager()
  protected async expireBatch_(
    asOf: Date,
    batchSize: number,
    after: string | null,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return expireLotsBatch(knexOf(sharedContext), asOf, batchSize, after)
  }

  @InjectManager()
  async retrieveBalances(
    { owner_type, owner_id }: { owner_type: "customer" | "platform"; owner_id: string },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return balancesOf(knexOf(sharedContext), owner_type, owner_id)
  }

  @InjectManager()
  async listHistory(query: HistoryQuery, @MedusaContext() sharedContext: Context = {}) {
    assertLimit(query.limit)
    return historyOf(knexOf(sharedContext), query)
  }

  @InjectManager()
  async reconcile(@MedusaContext() sharedContext: Context = {}) {
    return reconcile(knexOf(sharedContext))
  }
}
