import { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MathBN,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import LedgerAccount from "./models/ledger-account"
import LedgerLotAllocation from "./models/ledger-lot-allocation"
import LedgerMovementBucket from "./models/ledger-movement-bucket"
import LedgerPlatformTotal from "./models/ledger-platform-total"
import LedgerPosting from "./models/ledger-posting"
import { PostingResult, postOne, reverseOne, settleOne } from "./store/engine"
import { BulkCreditsInput, postCredits, postedByReason, postProRata, ProRataInput, ProRataResult, reversalsByReason } from "./store/bulk"
import { expireLotsBatch } from "./store/expiry"
import {
  CustomerAssetQuery,
  expiringLotsTotal,
  monthlyMovements,
  movementsByReason,
  platformMovements,
  netChangeBetween,
} from "./store/movements"
import { allPlatformBalances } from "./store/platform-totals"
import { assertLimit, balancesOf, historyOf, HistoryQuery, reconcile } from "./store/reports"
import { Trx } from "./store/sql"
import { PostingInput, ReverseInput, SettleInput } from "./types"

/** Report windows come from callers' parsing; an invalid Date would reach Postgres as garbage. */
function assertDates(dates: Record<string, Date>) {
  for (const [name, d] of Object.entries(dates)) {
    if (!(d instanceof Date) || Number.isNaN(d.getTime())) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${name} must be a valid date`)
    }
  }
}

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
  LedgerPlatformTotal,
  LedgerMovementBucket,
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

  /**
   * Every platform account's balance in one statement, from the maintained totals
   * (store/platform-totals.ts): constant time however many postings there are.
   */
  @InjectManager()
  async listPlatformBalances(@MedusaContext() sharedContext: Context = {}) {
    return (await allPlatformBalances(knexOf(sharedContext))).map((b) => ({
      ...b,
      available: MathBN.sub(b.posted, b.pending_out).toFixed(),
    }))
  }

  @InjectManager()
  async listHistory(query: HistoryQuery, @MedusaContext() sharedContext: Context = {}) {
    assertLimit(query.limit)
    return historyOf(knexOf(sharedContext), query)
  }

  /**
   * Net posted change of a customer's main account of `asset` in (after, until]
   * (e.g. membership's qualifying growth of the last 12 months).
   */
  @InjectManager()
  async netChangeBetween(
    query: CustomerAssetQuery & { after: Date; until: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string> {
    assertDates({ after: query.after, until: query.until })
    return netChangeBetween(knexOf(sharedContext), query)
  }

  /** A customer's posted movements of `asset` in [from, to) by kind and reason (a points statement). */
  @InjectManager()
  async movementsByReason(query: CustomerAssetQuery & { from: Date; to: Date }, @MedusaContext() sharedContext: Context = {}) {
    assertDates({ from: query.from, to: query.to })
    return movementsByReason(knexOf(sharedContext), query)
  }

  /** Every customer's posted movements of `asset` against platform accounts per local month, by kind. */
  @InjectManager()
  async monthlyMovements(
    query: { asset: string; from: Date; to: Date; time_zone: string },
    @MedusaContext() sharedContext: Context = {}
  ) {
    assertDates({ from: query.from, to: query.to })
    return monthlyMovements(knexOf(sharedContext), query)
  }

  /** Every asset's posted customer↔platform movements in [from, to), by asset, currency and kind (Growth overview). */
  @InjectManager()
  async platformMovements(query: { from: Date; to: Date }, @MedusaContext() sharedContext: Context = {}) {
    assertDates({ from: query.from, to: query.to })
    return platformMovements(knexOf(sharedContext), query)
  }

  /** What is left of a customer's lots of `asset` expiring in (after, until] ("expiring soon"). */
  @InjectManager()
  async expiringLotsTotal(
    query: CustomerAssetQuery & { after: Date; until: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string> {
    assertDates({ after: query.after, until: query.until })
    return expiringLotsTotal(knexOf(sharedContext), query)
  }

  /**
   * Set-based pro-rata payout (store/bulk.ts): splits `total_minor` over every customer holding more
   * than `basis.above` of `basis.asset`, largest remainder, and posts all shares in one transaction;
   * idempotent per `payout.source` (a re-run posts nothing). `dry_run` previews without writing.
   */
  @InjectManager()
  async postProRata(input: ProRataInput, @MedusaContext() sharedContext: Context = {}): Promise<ProRataResult> {
    return this.postProRata_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async postProRata_(input: ProRataInput, @MedusaContext() sharedContext: Context = {}) {
    return postProRata(knexOf(sharedContext), input)
  }

  /**
   * Set-based credits from rows (store/bulk.ts `postCredits`): many posted credits of one asset from one platform
   * account in one transaction, idempotent per key (replays are skipped and counted), debts repaid first.
   */
  @InjectManager()
  async postCredits(input: BulkCreditsInput, @MedusaContext() sharedContext: Context = {}) {
    return this.postCredits_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async postCredits_(input: BulkCreditsInput, @MedusaContext() sharedContext: Context = {}) {
    return postCredits(knexOf(sharedContext), input)
  }

  /** Posted postings of `asset` + `reason` credited to customers, in posting order after `after` (a sweep's keyset). */
  @InjectManager()
  async listPostedByReason(
    query: { asset: string; reason: string; after?: { at: string; id: string } | null; limit?: number },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const limit = query.limit ?? 500
    assertLimit(limit)
    return postedByReason(knexOf(sharedContext), { ...query, limit })
  }

  /** Posted reversals of postings of `asset` + `reason`, in posting order after `after`, with each original's total reversed so far. */
  @InjectManager()
  async listReversalsByReason(
    query: { asset: string; reason: string; after?: { at: string; id: string } | null; limit?: number },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const limit = query.limit ?? 500
    assertLimit(limit)
    return reversalsByReason(knexOf(sharedContext), { ...query, limit })
  }

  @InjectManager()
  async reconcile(@MedusaContext() sharedContext: Context = {}) {
    return reconcile(knexOf(sharedContext))
  }
}
