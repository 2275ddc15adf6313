import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { accountFlags, accountKey, ASSET_POLICIES, customer, LedgerAsset, platform } from "../../../utils/ledger"
import { ensureAccounts } from "./accounts"
import { rows, Trx } from "./sql"

/**
 * Set-based postings: one run pays (or takes) an amount per customer account,
 * computed by one query, inserted and counted in bulk — never a loop of single
 * postings. Same guarantees as `postOne`:
 * - double entry: every inserted posting moves its amount between two accounts of
 *   its asset; the customer counters are raised/lowered by exactly the inserted rows
 *   (`WITH ins AS (INSERT … RETURNING) UPDATE … FROM ins`; a payout account created by
 *   the run itself starts at its share, and the share is taken back in the same
 *   transaction if its posting was not inserted), platform balances are kept by the
 *   `ledger_posting` triggers (Migration20261203180000), so `reconcile()` holds;
 * - idempotent: every posting has a key `<key_prefix><customer_id>`; `ON CONFLICT
 *   DO NOTHING` skips keys already used, and a run whose source already has postings
 *   of its reason returns what they were (`replayed: true`) without computing again,
 *   so a re-run pays 0;
 * - concurrency: the run takes a transaction advisory lock on its source, computes the
 *   shares from one snapshot, and locks every existing account it changes in id order (the
 *   order every writer uses) — by its counter update itself where it only pays; a run that
 *   consumes the basis balances locks those too and checks that none moved meanwhile — if
 *   one did, the run fails with nothing written and is run again;
 * - debt (SPEC §0.4): a credit to a customer with a debt of that asset repays the
 *   debt first, set-based as well (`debt.repayment`, key `<posting key>:debt-repayment`).
 */

export type ProRataInput = {
  /** Shares follow the customers' available balance of this asset (posted − pending_out)… */
  basis: { asset: LedgerAsset; currency_code?: string | null; /** …of holders with strictly more than this */ above: string }
  /** Amount to split in the payout asset's minor units (integer string), largest remainder, ties to the smaller customer id. */
  total_minor: string
  payout: {
    asset: LedgerAsset
    currency_code?: string | null
    from: string
    reason: string
    source_type: string
    source_id: string
    key_prefix: string
  }
  /** Also take each holder's whole basis balance (the one the share was computed from) to `platform:<to>`. */
  consume_basis?: { to: string; reason: string; key_prefix: string } | null
  /** Compute only: nothing is written. */
  dry_run?: boolean
  /** Return up to this many shares (largest first) with the summary, or every share. */
  sample?: number | "all"
}

export type ProRataResult = {
  replayed: boolean
  holders: number
  basis_total: string
  paid_total: string
  /** Postings this call inserted (0 on a replay). */
  postings: number
  consumed: number
  /** On a replay: the basis postings the first run made. */
  consumed_before?: number
  shares: { customer_id: string; basis: string; amount: string }[]
}

const scaleOf = (asset: LedgerAsset) => ASSET_POLICIES[asset].scale

/**
 * Ids for rows inserted in bulk: one Medusa id (prefix + ULID) per statement, then a
 * sequence number — unique, and increasing like the ULIDs of single inserts, so a
 * million rows go to the right-hand end of the primary-key index instead of random
 * pages (random uuids made the bulk insert several times slower).
 */
// Bulk inserts read their rows ORDER BY customer_id: the idempotency keys (`<prefix><customer_id>`),
// the ids and the accounts created here then all grow together, so each index is filled at its
// right-hand end instead of on random pages (the share order, by remainder, is random: a 1,000,000-row
// insert in that order thrashed 128 MB of shared buffers; bench/README.md "Rebates").
export const orderedIds = (prefix: string) => idsOver(`${generateEntityId(undefined, prefix)}_`, "")
/** Ids `<head><n>` numbered in the order of a window clause (`ORDER BY …`); `head` from `generateEntityId` + `_`. */
const idsOver = (head: string, over: string) => `'${head}' || lpad((row_number() OVER (${over}))::text, 9, '0')`

function shareSql(input: ProRataInput) {
  const payScale = scaleOf(input.payout.asset)
  // pool in minor units × points / total; the remainder decides who gets the cents left
  return {
    // Both CTEs MATERIALIZED: with bound parameters the planner otherwise made the one-row total the
    // inner side of a nested loop and re-aggregated every holder for every holder (quadratic: minutes at
    // 100,000 holders instead of half a second; bench/README.md "Rebates").
    sql: `WITH h AS MATERIALIZED (
            SELECT a.id AS account_id, a.owner_id AS customer_id, (a.posted - a.pending_out) AS basis
              FROM ledger_account a
             WHERE a.owner_type = 'customer' AND a.purpose = 'main' AND a.asset = :basisAsset
               AND a.currency_code IS NOT DISTINCT FROM :basisCurrency AND a.deleted_at IS NULL
               AND (a.posted - a.pending_out) > CAST(:above AS numeric)
          ), t AS MATERIALIZED (SELECT COALESCE(SUM(basis), 0) AS total FROM h),
          b AS (
            SELECT h.*, floor(CAST(:pool AS numeric) * h.basis / t.total) AS base,
                   mod(CAST(:pool AS numeric) * h.basis, t.total) AS rem
              FROM h, t WHERE t.total > 0
          ), r AS (
            SELECT b.*, row_number() OVER (ORDER BY b.rem DESC, b.customer_id ASC) AS rk,
                   CAST(:pool AS numeric) - SUM(b.base) OVER () AS extra
              FROM b
          )
          SELECT account_id, customer_id, basis, base + CASE WHEN rk <= extra THEN 1 ELSE 0 END AS minor,
                 round((base + CASE WHEN rk <= extra THEN 1 ELSE 0 END) / ${10 ** payScale}::numeric, ${payScale}) AS amount
            FROM r`,
    bindings: {
      basisAsset: input.basis.asset,
      basisCurrency: input.basis.currency_code ?? null,
      above: input.basis.above,
      pool: input.total_minor,
    },
  }
}

async function summaryOf(trx: Trx, table: string, sample: number | "all") {
  const [s] = await rows(
    trx,
    `SELECT COUNT(*)::int AS holders, COALESCE(SUM(basis), 0)::text AS basis_total, COALESCE(SUM(amount), 0)::text AS paid_total FROM ${table}`
  )
  const shares = sample
    ? await rows(
        trx,
        `SELECT customer_id, basis::text AS basis, amount::text AS amount FROM ${table} ORDER BY minor DESC, customer_id
         ${sample === "all" ? "" : "LIMIT ?"}`,
        sample === "all" ? [] : [sample]
      )
    : []
  return { ...s, shares }
}

/** Splits `total_minor` over the holders of `basis`, pro rata, and posts every share in bulk (see above). */
export async function postProRata(trx: Trx, input: ProRataInput): Promise<ProRataResult> {
  if (!/^\d+$/.test(input.total_minor)) throw new MedusaError(MedusaError.Types.INVALID_DATA, "total_minor must be a non-negative integer")
  const { payout } = input
  const sample = input.sample === "all" ? "all" : Math.max(0, Math.floor(input.sample ?? 0))
  await trx.raw(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`fission-ledger-bulk:${payout.source_type}:${payout.source_id}`])

  if (!input.dry_run) {
    const [done] = await rows(
      trx,
      `SELECT COUNT(*)::int AS postings, COALESCE(SUM(amount), 0)::text AS paid_total FROM ledger_posting
        WHERE source_type = ? AND source_id = ? AND reason = ? AND deleted_at IS NULL`,
      [payout.source_type, payout.source_id, payout.reason]
    )
    if (done.postings > 0) {
      const [consumed] = input.consume_basis
        ? await rows(
            trx,
            `SELECT COUNT(*)::int AS n FROM ledger_posting WHERE source_type = ? AND source_id = ? AND reason = ? AND deleted_at IS NULL`,
            [payout.source_type, payout.source_id, input.consume_basis.reason]
          )
        : [{ n: 0 }]
      // done before: report what that run posted, post nothing
      return { replayed: true, holders: done.postings, basis_total: "0", paid_total: done.paid_total, postings: 0, consumed: 0, consumed_before: consumed.n, shares: [] }
    }
  }

  let table = `fission_pro_rata_${Math.random().toString(36).slice(2, 10)}`
  // Hash joins and sorts over a million rows in memory rather than in spilled batches; this transaction only.
  await trx.raw(`SET LOCAL work_mem = '64MB'`)
  const { sql, bindings } = shareSql(input)
  // The shares are computed before any row is locked, then every account the run changes is locked
  // in id order and the basis checked again under the locks (below).
  await trx.raw(`CREATE TEMP TABLE ${table} ON COMMIT DROP AS ${sql}`, bindings as any)
  if (input.dry_run) {
    const summary = await summaryOf(trx, table, sample)
    await trx.raw(`DROP TABLE ${table}`)
    return { replayed: false, postings: 0, consumed: 0, ...summary }
  }
  // payout accounts of every holder: the ones that exist found by key in one hash join, the missing
  // ones created in one statement with ids given here (increasing in customer order, so the account
  // indexes fill at their right-hand end) — no per-row update of the share table, no ON CONFLICT
  // probe of a million existing keys in the steady state (bench/README.md "Rebates").
  const flags = accountFlags(customer("x"), payout.asset)
  const currency = payout.currency_code ?? null
  const payKey = (alias: string) => `'customer:' || ${alias}.customer_id || ':' || :payAsset || ':' || :payCurrencyKey || ':main'`
  const pay = `${table}_pay`
  // the accounts created by this run are exactly the ids starting with this run's own prefix
  const newIds = `${generateEntityId(undefined, "lacc")}_`
  await trx.raw(
    `CREATE TEMP TABLE ${pay} ON COMMIT DROP AS
     SELECT s.account_id, s.customer_id, s.basis, s.minor, s.amount,
            COALESCE(a.id, CASE WHEN s.minor > 0 AND a.id IS NULL THEN ${idsOver(newIds, "ORDER BY (a.id IS NULL) DESC, s.customer_id")} END) AS pay_account_id,
            (a.id IS NULL AND s.minor > 0) AS created
       FROM ${table} s LEFT JOIN ledger_account a
         ON a.key = ${payKey("s")} AND a.owner_type = 'customer' AND a.asset = :payAsset AND a.deleted_at IS NULL`,
    { payAsset: payout.asset, payCurrencyKey: currency ?? "-" } as any
  )
  await trx.raw(`DROP TABLE ${table}`)
  table = pay
  const [{ missing }] = await rows(trx, `SELECT COUNT(*) FILTER (WHERE created)::int AS missing FROM ${table}`)
  let createdAccounts = 0
  if (missing > 0) {
    // An account created here starts at its share (the posting below is its only one): its counter is
    // then not updated row by row (a million non-HOT updates, half the WAL of the run); the postings
    // insert checks that each of these accounts got its posting and takes back any share that did not.
    const res: any = await trx.raw(
      `INSERT INTO ledger_account (id, key, owner_type, owner_id, purpose, asset, currency_code, allow_negative, tracks_lots, posted, raw_posted)
       SELECT s.pay_account_id, ${payKey("s")}, 'customer', s.customer_id, 'main', :payAsset, :currency, :allowNegative, :tracksLots,
              s.amount, jsonb_build_object('value', s.amount::text, 'precision', 20)
         FROM ${table} s WHERE s.created ORDER BY s.pay_account_id
       ON CONFLICT (key) WHERE deleted_at IS NULL DO NOTHING`,
      { payAsset: payout.asset, currency, payCurrencyKey: currency ?? "-", allowNegative: flags.allow_negative, tracksLots: flags.tracks_lots } as any
    )
    createdAccounts = res.rowCount ?? 0
    if (createdAccounts < missing) {
      // created concurrently by another writer since the join: those rows take the existing account's id
      await trx.raw(
        `UPDATE ${table} s SET pay_account_id = a.id, created = false FROM ledger_account a
          WHERE s.created AND a.key = ${payKey("s")} AND a.deleted_at IS NULL AND a.id <> s.pay_account_id`,
        { payAsset: payout.asset, payCurrencyKey: currency ?? "-" } as any
      )
    }
  }
  await trx.raw(`ANALYZE ${table}`)
  const platformRefs = [{ ref: platform(payout.from), asset: payout.asset, currency_code: currency }]
  if (input.consume_basis) {
    platformRefs.push({ ref: platform(input.consume_basis.to), asset: input.basis.asset, currency_code: input.basis.currency_code ?? null })
  }
  const platforms = await ensureAccounts(trx, platformRefs)
  const source = platforms.get(accountKey(platform(payout.from), payout.asset, currency))!

  // Every existing account this run changes is locked in id order, the order every writer uses (the
  // accounts this transaction created are nobody else's to see yet). A run that consumes the basis locks
  // the payout and basis accounts first and checks the basis under the lock against the shares. A run that
  // keeps the basis changes only the payout accounts, and its counter update below takes their locks
  // itself, in id order (a nested loop over the sums sorted by account id, hash and merge joins off for that
  // statement): the separate lock pass over a million rows cost ~10 s. Its shares are those of the one
  // snapshot that computed them; a point earned or spent meanwhile changes nothing it writes. (Should the
  // planner ever pick another order, the worst case is a deadlock error: the run fails with nothing written
  // and is run again.)
  if (input.consume_basis) {
    await trx.raw(
      `WITH l AS (
         SELECT 1 FROM ledger_account a
          WHERE a.id IN (SELECT pay_account_id FROM ${table} WHERE minor > 0 AND NOT created UNION SELECT account_id FROM ${table})
          ORDER BY a.id FOR UPDATE
       )
       SELECT COUNT(*) FROM l`
    )
    const [{ changed }] = await rows(
      trx,
      `SELECT COUNT(*)::int AS changed FROM ${table} s JOIN ledger_account a ON a.id = s.account_id
        WHERE (a.posted - a.pending_out) <> s.basis`
    )
    if (changed > 0) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `${changed} balances of ${input.basis.asset} changed while the pro-rata run was computed; nothing was posted, run it again`
      )
    }
  }

  await trx.raw(`SET LOCAL enable_hashjoin = off`)
  await trx.raw(`SET LOCAL enable_mergejoin = off`)
  const [counted] = await rows(
    trx,
    `WITH ins AS (
       INSERT INTO ledger_posting (id, idempotency_key, asset, currency_code, amount, raw_amount, debit_account_id,
         credit_account_id, status, reason, source_type, source_id, posted_at)
       SELECT ${orderedIds("lpst")}, :prefix || s.customer_id, :asset, :currency,
              s.amount, jsonb_build_object('value', s.amount::text, 'precision', 20), :source, s.pay_account_id,
              'posted', :reason, :sourceType, :sourceId, now()
         FROM (SELECT * FROM ${table} WHERE minor > 0 ORDER BY customer_id) s
       ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING
       RETURNING credit_account_id, amount, starts_with(credit_account_id, :newIds) AS created_account
     ), sums AS (
       SELECT credit_account_id, SUM(amount) AS amount, COUNT(*) AS n FROM ins WHERE NOT created_account
        GROUP BY credit_account_id ORDER BY credit_account_id
     ), upd AS (
       UPDATE ledger_account a
          SET posted = a.posted + sums.amount,
              raw_posted = jsonb_build_object('value', (a.posted + sums.amount)::text, 'precision', 20), updated_at = now()
         FROM sums WHERE a.id = sums.credit_account_id
       RETURNING sums.n
     )
     SELECT (SELECT COALESCE(SUM(n), 0) FROM upd)::int AS updated, (SELECT COUNT(*) FROM ins WHERE created_account)::int AS created`,
    {
      prefix: payout.key_prefix, asset: payout.asset, currency, source: source.id, reason: payout.reason,
      sourceType: payout.source_type, sourceId: payout.source_id, newIds,
    } as any
  )
  await trx.raw(`SET LOCAL enable_hashjoin TO DEFAULT`)
  await trx.raw(`SET LOCAL enable_mergejoin TO DEFAULT`)
  const createdNow = Number(counted.created)
  if (createdNow < createdAccounts) {
    // a new account whose posting was skipped (its key was used already): its share goes back
    await trx.raw(
      `UPDATE ledger_account a SET posted = a.posted - s.amount,
              raw_posted = jsonb_build_object('value', (a.posted - s.amount)::text, 'precision', 20), updated_at = now()
         FROM ${table} s
        WHERE s.created AND a.id = s.pay_account_id
          AND NOT EXISTS (SELECT 1 FROM ledger_posting p WHERE p.idempotency_key = :prefix || s.customer_id
                             AND p.credit_account_id = s.pay_account_id AND p.source_id = :sourceId AND p.deleted_at IS NULL)`,
      { prefix: payout.key_prefix, sourceId: payout.source_id } as any
    )
  }
  const postings = Number(counted.updated) + createdNow
  if (!flags.allow_negative) await repayDebtsInBulk(trx, payout, currency)

  let consumed = 0
  if (input.consume_basis) {
    const sink = platforms.get(accountKey(platform(input.consume_basis.to), input.basis.asset, input.basis.currency_code ?? null))!
    const [r] = await rows(
      trx,
      `WITH ins AS (
         INSERT INTO ledger_posting (id, idempotency_key, asset, currency_code, amount, raw_amount, debit_account_id,
           credit_account_id, status, reason, source_type, source_id, posted_at)
         SELECT ${orderedIds("lpst")}, :prefix || s.customer_id, :asset, :currency,
                s.basis, jsonb_build_object('value', s.basis::text, 'precision', 20), s.account_id, :sink,
                'posted', :reason, :sourceType, :sourceId, now()
           FROM (SELECT * FROM ${table} ORDER BY customer_id) s
         ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING
         RETURNING debit_account_id, amount
       ), upd AS (
         UPDATE ledger_account a
            SET posted = a.posted - ins.amount,
                raw_posted = jsonb_build_object('value', (a.posted - ins.amount)::text, 'precision', 20), updated_at = now()
           FROM ins WHERE a.id = ins.debit_account_id
         RETURNING a.id
       )
       SELECT COUNT(*)::int AS n FROM upd`,
      {
        prefix: input.consume_basis.key_prefix, asset: input.basis.asset, currency: input.basis.currency_code ?? null,
        sink: sink.id, reason: input.consume_basis.reason, sourceType: payout.source_type, sourceId: payout.source_id,
      } as any
    )
    consumed = r.n
  }
  const summary = await summaryOf(trx, table, sample)
  await trx.raw(`DROP TABLE ${table}`)
  return { replayed: false, postings, consumed, ...summary }
}

/** Repays, from this run's credits, the debt of every credited customer that has one (SPEC §0.4). */
async function repayDebtsInBulk(
  trx: Trx,
  payout: { asset: LedgerAsset; source_type: string; source_id?: string; reason: string },
  currency: string | null,
  keysFrom?: string
) {
  // Nobody in debt (the usual case): nothing to repay. A whole run (no `keysFrom`: up to a million
  // credited postings) checks that in one pass over the accounts instead of a debt-key probe per posting;
  // a `postCredits` batch probes the debt keys of its own customers (by the unique key index) before the
  // statement below joins its postings back.
  const [{ any }] = keysFrom
    ? await rows(
        trx,
        `SELECT EXISTS (SELECT 1 FROM ${keysFrom} s JOIN ledger_account d
            ON d.key = 'customer:' || s.customer_id || ':' || ? || ':' || ? || ':debt' AND d.deleted_at IS NULL
          WHERE d.posted < 0) AS any`,
        [payout.asset, currency ?? "-"]
      )
    : await rows(
        trx,
        `SELECT EXISTS (SELECT 1 FROM ledger_account WHERE owner_type = 'customer' AND purpose = 'debt' AND asset = ?
            AND currency_code IS NOT DISTINCT FROM ? AND posted < 0 AND deleted_at IS NULL) AS any`,
        [payout.asset, currency]
      )
  if (!any) return
  await trx.raw(
    `WITH due AS (
       SELECT p.id AS posting_id, p.idempotency_key, p.credit_account_id AS main_id, d.id AS debt_id,
              LEAST(p.amount, -d.posted, m.posted - m.pending_out) AS repay
         FROM ledger_posting p
         JOIN ledger_account m ON m.id = p.credit_account_id
         JOIN ledger_account d ON d.key = 'customer:' || m.owner_id || ':' || p.asset || ':' || COALESCE(p.currency_code, '-') || ':debt'
                              AND d.deleted_at IS NULL AND d.posted < 0
        WHERE p.source_type = :sourceType AND p.reason = :reason AND p.deleted_at IS NULL
          AND ${keysFrom ? `p.idempotency_key IN (SELECT key FROM ${keysFrom})` : "p.source_id = :sourceId"}
     ), ins AS (
       INSERT INTO ledger_posting (id, idempotency_key, asset, currency_code, amount, raw_amount, debit_account_id,
         credit_account_id, status, reason, source_type, source_id, posted_at)
       SELECT ${orderedIds("lpst")}, due.idempotency_key || ':debt-repayment', :asset, :currency,
              due.repay, jsonb_build_object('value', due.repay::text, 'precision', 20), due.main_id, due.debt_id,
              'posted', 'debt.repayment', 'ledger.posting', due.posting_id, now()
         FROM due WHERE due.repay > 0
       ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING
       RETURNING debit_account_id, credit_account_id, amount
     ), m AS (
       UPDATE ledger_account a SET posted = a.posted - ins.amount,
              raw_posted = jsonb_build_object('value', (a.posted - ins.amount)::text, 'precision', 20), updated_at = now()
         FROM ins WHERE a.id = ins.debit_account_id RETURNING a.id
     )
     UPDATE ledger_account a SET posted = a.posted + ins.amount,
            raw_posted = jsonb_build_object('value', (a.posted + ins.amount)::text, 'precision', 20), updated_at = now()
       FROM ins WHERE a.id = ins.credit_account_id`,
    { sourceType: payout.source_type, ...(keysFrom ? {} : { sourceId: payout.source_id }), reason: payout.reason, asset: payout.asset, currency } as any
  )
}

/**
 * Posted postings of `asset` with `reason` whose money reached a customer, in the
 * order they were posted (keyset on (COALESCE(posted_at, created_at), id)); a
 * feature that reacts to another's postings (rebates' team awards) sweeps them.
 */
export async function postedByReason(
  trx: Trx,
  q: { asset: string; reason: string; after?: { at: string; id: string } | null; limit: number }
) {
  const after = q.after ?? { at: "1970-01-01T00:00:00Z", id: "" }
  return rows<{
    id: string
    idempotency_key: string
    asset: string
    currency_code: string | null
    amount: string
    customer_id: string
    source_type: string
    source_id: string
    at: string
  }>(
    trx,
    `SELECT p.id, p.idempotency_key, p.asset, p.currency_code, p.amount::text AS amount, c.owner_id AS customer_id,
            p.source_type, p.source_id, to_char(COALESCE(p.posted_at, p.created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at
       FROM ledger_posting p JOIN ledger_account c ON c.id = p.credit_account_id AND c.owner_type = 'customer'
      WHERE p.status = 'posted' AND p.asset = :asset AND p.reason = :reason AND p.deleted_at IS NULL
        AND (COALESCE(p.posted_at, p.created_at), p.id) > (CAST(:at AS timestamptz), :id)
      ORDER BY COALESCE(p.posted_at, p.created_at), p.id
      LIMIT :limit`,
    { asset: q.asset, reason: q.reason, at: after.at, id: after.id, limit: q.limit } as any
  )
}

/**
 * Posted reversals of postings of `asset` + `reason`, in the order they were posted,
 * after `after` (a sweep's keyset, like `postedByReason`): what a plugin needs to follow
 * reversals of someone else's earnings (rebates follows distribution's team rewards)
 * without reading their tables. `reversed_total` is everything reversed of the original
 * so far (debt shortfalls included), so a follower applies cumulative targets.
 */
export async function reversalsByReason(
  trx: Trx,
  q: { asset: string; reason: string; after?: { at: string; id: string } | null; limit: number }
) {
  const after = q.after ?? { at: "1970-01-01T00:00:00Z", id: "" }
  return rows<{ id: string; original_id: string; original_amount: string; reversed_total: string; at: string }>(
    trx,
    `SELECT r.id, o.id AS original_id, o.amount::text AS original_amount,
            (SELECT SUM(x.amount) FROM ledger_posting x
              WHERE x.reverses_posting_id = o.id AND x.status = 'posted' AND x.deleted_at IS NULL)::text AS reversed_total,
            to_char(COALESCE(r.posted_at, r.created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at
       FROM ledger_posting r JOIN ledger_posting o ON o.id = r.reverses_posting_id
      WHERE r.reverses_posting_id IS NOT NULL AND r.status = 'posted' AND r.deleted_at IS NULL
        AND o.asset = :asset AND o.reason = :reason AND o.deleted_at IS NULL
        AND (COALESCE(r.posted_at, r.created_at), r.id) > (CAST(:at AS timestamptz), :id)
      ORDER BY COALESCE(r.posted_at, r.created_at), r.id
      LIMIT :limit`,
    { asset: q.asset, reason: q.reason, at: after.at, id: after.id, limit: q.limit } as any
  )
}

export type BulkCreditsInput = {
  asset: LedgerAsset
  currency_code?: string | null
  /** The platform account every credit comes from (`platform:<from>`). */
  from: string
  reason: string
  source_type: string
  /** One posted credit per entry to the customer's main account; keys unique per cause. */
  entries: { customer_id: string; amount: string; idempotency_key: string; source_id: string }[]
}

/**
 * Many posted credits of one asset from one platform account, built from rows
 * (a feature's own set-based computation), inserted and counted in bulk with the
 * guarantees above: `ON CONFLICT DO NOTHING` on the keys (a replayed key posts
 * nothing and is not counted), counters raised from the inserted rows only, customer
 * accounts created on first use and locked in id order, debts repaid first. A key
 * reused for another amount or customer is not detected here (it is skipped): callers
 * derive keys from rows they own, one key per row.
 */
export async function postCredits(trx: Trx, input: BulkCreditsInput): Promise<{ inserted: number; replayed: number }> {
  if (!input.entries.length) return { inserted: 0, replayed: 0 }
  for (const e of input.entries) {
    if (!/^\d+(\.\d+)?$/.test(e.amount) || Number(e.amount) <= 0) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `amount must be a positive decimal (got ${e.amount} for ${e.idempotency_key})`)
    }
  }
  const currency = input.currency_code ?? null
  const flags = accountFlags(customer("x"), input.asset)
  const table = `fission_bulk_${Math.random().toString(36).slice(2, 10)}`
  const keyOf = (alias: string) => `'customer:' || ${alias}.customer_id || ':' || :asset || ':' || :currencyKey || ':main'`
  const bindings = { asset: input.asset, currency, currencyKey: currency ?? "-", allowNegative: flags.allow_negative, tracksLots: flags.tracks_lots }
  // the accounts created by this batch are exactly the ids starting with its own prefix
  const newIds = `${generateEntityId(undefined, "lacc")}_`
  // each credit with its customer's account: the existing ones found by key in one hash join, the missing
  // ones given ids here (one per customer, increasing in customer order) — as postProRata does, instead of
  // an ON CONFLICT probe per key and a per-row update of the batch table
  await trx.raw(
    `CREATE TEMP TABLE ${table} ON COMMIT DROP AS
     WITH x AS (
       SELECT * FROM jsonb_to_recordset(CAST(:entries AS jsonb)) AS x(customer_id text, amount text, key text, source_id text)
     ), c AS (
       SELECT c.customer_id, a.id AS existing_id
         FROM (SELECT DISTINCT customer_id FROM x) c
         LEFT JOIN ledger_account a ON a.key = ${keyOf("c")} AND a.deleted_at IS NULL
     ), ids AS (
       SELECT customer_id, existing_id IS NULL AS created,
              COALESCE(existing_id, CASE WHEN existing_id IS NULL THEN ${idsOver(newIds, "ORDER BY (existing_id IS NULL) DESC, customer_id")} END) AS account_id
         FROM c
     )
     SELECT x.customer_id, x.amount::numeric AS amount, x.key, x.source_id, ids.account_id, ids.created
       FROM x JOIN ids ON ids.customer_id = x.customer_id`,
    {
      ...bindings,
      entries: JSON.stringify(input.entries.map((e) => ({ customer_id: e.customer_id, amount: e.amount, key: e.idempotency_key, source_id: e.source_id }))),
    } as any
  )
  const [{ missing }] = await rows(trx, `SELECT COUNT(DISTINCT customer_id) FILTER (WHERE created)::int AS missing FROM ${table}`)
  if (missing > 0) {
    // An account created here starts at the sum of its credits (its postings below are its only ones), so
    // its counter is not updated row by row; a credit whose posting is skipped is taken back below.
    const res: any = await trx.raw(
      `INSERT INTO ledger_account (id, key, owner_type, owner_id, purpose, asset, currency_code, allow_negative, tracks_lots, posted, raw_posted)
       SELECT s.account_id, ${keyOf("s")}, 'customer', s.customer_id, 'main', :asset, :currency, :allowNegative, :tracksLots,
              s.amount, jsonb_build_object('value', s.amount::text, 'precision', 20)
         FROM (SELECT account_id, customer_id, SUM(amount) AS amount FROM ${table} WHERE created GROUP BY account_id, customer_id) s
        ORDER BY s.account_id
       ON CONFLICT (key) WHERE deleted_at IS NULL DO NOTHING`,
      bindings as any
    )
    if ((res.rowCount ?? 0) < missing) {
      // created concurrently by another writer since the join: those rows take the existing account
      await trx.raw(
        `UPDATE ${table} s SET account_id = a.id, created = false FROM ledger_account a
          WHERE s.created AND a.key = ${keyOf("s")} AND a.deleted_at IS NULL AND a.id <> s.account_id`,
        bindings as any
      )
    }
  }
  const platforms = await ensureAccounts(trx, [{ ref: platform(input.from), asset: input.asset, currency_code: currency }])
  const source = platforms.get(accountKey(platform(input.from), input.asset, currency))!
  // the existing accounts locked in id order; the ones created here are nobody else's to see yet
  await trx.raw(
    `WITH l AS (SELECT 1 FROM ledger_account a WHERE a.id IN (SELECT account_id FROM ${table} WHERE NOT created) ORDER BY a.id FOR UPDATE)
     SELECT COUNT(*) FROM l`
  )
  const [counted] = await rows(
    trx,
    `WITH ins AS (
       INSERT INTO ledger_posting (id, idempotency_key, asset, currency_code, amount, raw_amount, debit_account_id,
         credit_account_id, status, reason, source_type, source_id, posted_at)
       SELECT ${orderedIds("lpst")}, s.key, :asset, :currency, s.amount,
              jsonb_build_object('value', s.amount::text, 'precision', 20), :source, s.account_id,
              'posted', :reason, :sourceType, s.source_id, now()
         FROM (SELECT * FROM ${table} ORDER BY customer_id, key) s
       ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING
       RETURNING credit_account_id, amount, starts_with(credit_account_id, :newIds) AS created_account
     ), sums AS (
       SELECT credit_account_id, SUM(amount) AS amount, COUNT(*) AS n FROM ins WHERE NOT created_account
        GROUP BY credit_account_id ORDER BY credit_account_id
     ), upd AS (
       UPDATE ledger_account a SET posted = a.posted + sums.amount,
              raw_posted = jsonb_build_object('value', (a.posted + sums.amount)::text, 'precision', 20), updated_at = now()
         FROM sums WHERE a.id = sums.credit_account_id
       RETURNING sums.n
     )
     SELECT (SELECT COALESCE(SUM(n), 0) FROM upd)::int AS updated, (SELECT COUNT(*) FROM ins WHERE created_account)::int AS created`,
    { asset: input.asset, currency, source: source.id, reason: input.reason, sourceType: input.source_type, newIds } as any
  )
  const [{ expected }] = await rows(trx, `SELECT COUNT(*) FILTER (WHERE created)::int AS expected FROM ${table}`)
  if (Number(counted.created) < expected) {
    // a credit to a new account whose posting was skipped (its key was used already): its amount goes back
    await trx.raw(
      `UPDATE ledger_account a SET posted = a.posted - m.amount,
              raw_posted = jsonb_build_object('value', (a.posted - m.amount)::text, 'precision', 20), updated_at = now()
         FROM (SELECT s.account_id, SUM(s.amount) AS amount FROM ${table} s
                WHERE s.created AND NOT EXISTS (SELECT 1 FROM ledger_posting p WHERE p.idempotency_key = s.key
                                                   AND p.credit_account_id = s.account_id AND p.deleted_at IS NULL)
                GROUP BY s.account_id) m
        WHERE a.id = m.account_id`
    )
  }
  const inserted = Number(counted.updated) + Number(counted.created)
  // a customer with a debt has had a main account before: the accounts created here repay none
  await trx.raw(`DELETE FROM ${table} WHERE created`)
  if (!flags.allow_negative) await repayDebtsInBulk(trx, input, currency, table)
  await trx.raw(`DROP TABLE ${table}`)
  return { inserted, replayed: input.entries.length - inserted }
}
