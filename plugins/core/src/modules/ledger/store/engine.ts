import { MathBN, MedusaError } from "@medusajs/framework/utils"
import {
  ASSET_POLICIES,
  AccountRef,
  LedgerInputError,
  accountKey,
  customer,
  isLedgerAsset,
  parseAmount,
} from "../../../utils/ledger"
import { PostingInput, PostingSelector, ReverseInput, SettleInput } from "../types"
import { AccountRow, applyToCounters, CounterPhase, ensureAccounts } from "./accounts"
import { allocateLots, hasAllocations, returnAllocations } from "./lots"
import {
  PostingRow,
  insertPosting,
  latestAsOf,
  pendingReinstatementsOf,
  pendingReversalsOf,
  postingById,
  REINSTATEMENT,
  postingsByKeys,
  reversedAmount,
  settlePostingRow,
} from "./postings"
import { rows, Trx } from "./sql"

export type PostingResult = { posting: PostingRow; replayed: boolean }

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

const refOf = (a: AccountRow): AccountRef => ({
  owner_type: a.owner_type,
  owner_id: a.owner_id,
  purpose: a.purpose as AccountRef["purpose"],
})

function validate(input: PostingInput) {
  try {
    if (!isLedgerAsset(input.asset)) throw new LedgerInputError("asset", `asset must be one of ${Object.keys(ASSET_POLICIES).join(", ")}`)
    const amount = parseAmount(input.amount, input.asset)
    for (const field of ["idempotency_key", "reason", "source_type", "source_id"] as const) {
      if (typeof input[field] !== "string" || !input[field].trim()) throw new LedgerInputError(field, `${field} is required`)
    }
    const currency = input.currency_code?.toLowerCase() ?? null
    if (ASSET_POLICIES[input.asset].money && !currency) {
      throw new LedgerInputError("currency_code", `currency_code is required for ${input.asset}`)
    }
    if (accountKey(input.from, input.asset, currency) === accountKey(input.to, input.asset, currency)) {
      throw new LedgerInputError("to", "from and to must be different accounts")
    }
    return { amount, currency }
  } catch (e) {
    if (e instanceof LedgerInputError) throw invalid(e.message)
    throw e
  }
}

async function accountsById(trx: Trx, ids: string[]) {
  const found = await rows<AccountRow>(trx, `SELECT * FROM ledger_account WHERE id = ANY(?)`, [ids])
  return new Map(found.map((a) => [a.id, a]))
}

function assertSameAsReplay(existing: PostingRow, debit: AccountRow, credit: AccountRow, amount: string) {
  const same =
    existing.debit_account_id === debit.id &&
    existing.credit_account_id === credit.id &&
    MathBN.eq(existing.amount, amount)
  if (!same) {
    throw new MedusaError(
      MedusaError.Types.DUPLICATE_ERROR,
      `idempotency key ${existing.idempotency_key} was already used for a different posting`
    )
  }
}

/** The debt account a credit to this customer account would repay first, if it is a spendable main account. */
const debtKeyFor = (account: AccountRow) =>
  account.owner_type === "customer" && account.purpose === "main" && !account.allow_negative
    ? accountKey(customer(account.owner_id, "debt"), account.asset, account.currency_code)
    : undefined

/**
 * Applies counters to both sides in account-id order, the lock order of every
 * writer. Returns whether the credited customer has debt to repay (probed in the
 * same statement).
 */
async function applyBoth(
  trx: Trx,
  debit: AccountRow,
  credit: AccountRow,
  phase: CounterPhase,
  amount: string,
  asset: string
): Promise<boolean> {
  const sides = [
    ["debit", debit],
    ["credit", credit],
  ] as const
  let inDebt = false
  for (const [side, account] of [...sides].sort((a, b) => a[1].id.localeCompare(b[1].id))) {
    const probe = side === "credit" && (phase === "post" || phase === "settle_post") ? debtKeyFor(account) : undefined
    const { ok, debt_posted } = await applyToCounters(trx, account, side, phase, amount, probe)
    if (!ok) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Insufficient ${asset} balance`)
    if (debt_posted !== null && MathBN.lt(debt_posted, 0)) inDebt = true
  }
  return inDebt
}

export async function postOne(trx: Trx, input: PostingInput): Promise<PostingResult> {
  const { amount, currency } = validate(input)
  const status = input.status ?? "posted"
  const accounts = await ensureAccounts(trx, [
    { ref: input.from, asset: input.asset, currency_code: currency },
    { ref: input.to, asset: input.asset, currency_code: currency },
  ])
  const debit = accounts.get(accountKey(input.from, input.asset, currency))!
  const credit = accounts.get(accountKey(input.to, input.asset, currency))!

  // A refund of a spend gives the points back to the lots it consumed instead of opening a new lot.
  const returning = credit.tracks_lots && !!input.reverses_posting_id && (await hasAllocations(trx, input.reverses_posting_id))
  const posting = await insertPosting(trx, {
    idempotency_key: input.idempotency_key,
    asset: input.asset,
    currency_code: currency,
    amount,
    debit_account_id: debit.id,
    credit_account_id: credit.id,
    status,
    reason: input.reason,
    source_type: input.source_type,
    source_id: input.source_id,
    note: input.note,
    metadata: input.metadata,
    reverses_posting_id: input.reverses_posting_id,
    expires_at: input.expires_at ? new Date(input.expires_at) : null,
    is_lot: credit.tracks_lots && !returning,
  })
  if (!posting) {
    const [existing] = await postingsByKeys(trx, [input.idempotency_key])
    assertSameAsReplay(existing, debit, credit, amount)
    return { posting: existing, replayed: true }
  }

  // A pending reversal can only reverse a pending original: it reduces it.
  const reduction = status === "pending" && !!input.reverses_posting_id
  if (reduction && (await postingById(trx, input.reverses_posting_id!))?.status !== "pending") {
    throw invalid("a pending reversal must reverse a pending posting")
  }
  const inDebt = await applyBoth(
    trx, debit, credit, reduction ? "reduce" : status === "pending" ? "hold" : "post", amount, input.asset
  )
  if (debit.tracks_lots && !reduction) {
    await allocateLots(trx, { postingId: posting.id, accountId: debit.id, amount, preferLotId: input.reverses_posting_id })
  }
  if (returning) {
    await returnAllocations(trx, { sourcePostingId: input.reverses_posting_id!, postingId: posting.id, accountId: credit.id, amount })
  }
  if (inDebt) await repayDebt(trx, posting, credit)
  return { posting, replayed: false }
}

/** Earnings into a spendable account first repay that customer's debt of the same asset (SPEC §0.4). */
async function repayDebt(trx: Trx, posting: PostingRow, credit: AccountRow) {
  if (credit.owner_type !== "customer" || credit.purpose !== "main" || credit.allow_negative) return
  if (posting.reason === "debt.repayment") return
  const debtRef = customer(credit.owner_id, "debt")
  const [debt] = await rows<AccountRow>(
    trx,
    `SELECT * FROM ledger_account WHERE key = ? AND deleted_at IS NULL FOR UPDATE`,
    [accountKey(debtRef, posting.asset, posting.currency_code)]
  )
  if (!debt || MathBN.gte(debt.posted, 0)) return
  const [fresh] = await rows<AccountRow>(trx, `SELECT * FROM ledger_account WHERE id = ?`, [credit.id])
  const available = MathBN.sub(fresh.posted, fresh.pending_out)
  const repay = MathBN.min(posting.amount, MathBN.mult(debt.posted, -1), available)
  if (MathBN.lte(repay, 0)) return
  await postOne(trx, {
    idempotency_key: `${posting.idempotency_key}:debt-repayment`,
    asset: posting.asset as any,
    currency_code: posting.currency_code,
    amount: repay.toString(),
    from: refOf(credit),
    to: debtRef,
    reason: "debt.repayment",
    source_type: "ledger.posting",
    source_id: posting.id,
  })
}

async function findPosting(trx: Trx, selector: PostingSelector, { lock = false } = {}) {
  let posting: PostingRow | null = null
  if (selector.posting_id) posting = await postingById(trx, selector.posting_id, { lock })
  else if (selector.idempotency_key) {
    const [byKey] = await postingsByKeys(trx, [selector.idempotency_key])
    posting = byKey ? await postingById(trx, byKey.id, { lock }) : null
  } else throw invalid("posting_id or idempotency_key is required")
  if (!posting) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Posting ${selector.posting_id ?? selector.idempotency_key} was not found`)
  }
  return posting
}

export async function settleOne(trx: Trx, input: SettleInput): Promise<PostingResult> {
  if (input.action !== "post" && input.action !== "void") throw invalid("action must be post or void")
  const posting = await findPosting(trx, input)
  const to = input.action === "post" ? "posted" : "voided"
  if (posting.reverses_posting_id && posting.status === "pending") {
    const original = await postingById(trx, posting.reverses_posting_id)
    if (original?.status === "pending") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Posting ${posting.id} settles together with ${original.id}`)
    }
  }
  // A reinstatement of a pending original posts with it (it may be voided alone: a compensation undoes it).
  if (posting.source_type === REINSTATEMENT && posting.status === "pending" && input.action === "post") {
    const original = await postingById(trx, posting.source_id)
    if (original?.status === "pending") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Posting ${posting.id} settles together with ${original.id}`)
    }
  }
  const settled = await settlePostingRow(trx, posting.id, to)
  if (!settled) {
    if (posting.status === to) return { posting, replayed: true }
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Posting ${posting.id} is already ${posting.status}`)
  }
  const accounts = await accountsById(trx, [posting.debit_account_id, posting.credit_account_id])
  const debit = accounts.get(posting.debit_account_id)!
  const credit = accounts.get(posting.credit_account_id)!
  const reduction = !!posting.reverses_posting_id
  const phase = reduction
    ? input.action === "post" ? "reduce_post" : "reduce_void"
    : input.action === "post" ? "settle_post" : "settle_void"
  const inDebt = await applyBoth(trx, debit, credit, phase, posting.amount, posting.asset)
  if (reduction && input.action === "post" && debit.tracks_lots) {
    await allocateLots(trx, { postingId: posting.id, accountId: debit.id, amount: posting.amount, preferLotId: posting.reverses_posting_id })
  }
  if (!reduction && input.action === "void" && debit.tracks_lots) {
    await returnAllocations(trx, { sourcePostingId: posting.id, postingId: posting.id, accountId: debit.id, amount: posting.amount })
  }
  // Reversals recorded while the original was pending follow it.
  for (const reversal of await pendingReversalsOf(trx, posting.id)) {
    await settleOne(trx, { posting_id: reversal.id, action: input.action })
  }
  for (const reinstatement of await pendingReinstatementsOf(trx, posting.id)) {
    await settleOne(trx, { posting_id: reinstatement.id, action: input.action })
  }
  if (inDebt) await repayDebt(trx, settled, credit)
  return { posting: settled, replayed: false }
}

/**
 * The cause a reversal records: the input's, else the original's. A reversal of a
 * reinstatement (e.g. a workflow's compensation) takes the reinstatement's cause,
 * never its REINSTATEMENT source, which would make it count as one.
 */
function sourceOfReversal(original: PostingRow, input: ReverseInput) {
  if (input.source_type) return { source_type: input.source_type, source_id: input.source_id ?? original.source_id }
  if (original.source_type !== REINSTATEMENT) return { source_type: original.source_type, source_id: original.source_id }
  const m = (original.metadata ?? {}) as Record<string, string>
  return { source_type: m.cause_source_type ?? "ledger.posting", source_id: m.cause_source_id ?? original.id }
}

/** True when `asOf` is later than every state a reversal or reinstatement of the original was decided at. */
async function isNewer(trx: Trx, originalId: string, asOf: string | number) {
  const latest = await latestAsOf(trx, originalId)
  return latest === null || BigInt(String(asOf)) > BigInt(latest.split(".")[0])
}

const isZero = (v: unknown) => /^0+(\.0+)?$/.test(String(v).trim())

/**
 * A key no posting has yet, for a cumulative reversal with `reinstate`: its target
 * can be met, left and met again (5 → 0 → 5), so the per-target key may be taken by
 * an earlier visit. Called under the original's row lock, so concurrent callers
 * cannot pick the same one.
 */
async function freshKey(trx: Trx, key: string) {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? key : `${key}:${n}`
    if (!(await postingsByKeys(trx, [candidate, `${candidate}:debt`])).length) return candidate
  }
}

export async function reverseOne(trx: Trx, input: ReverseInput): Promise<PostingResult[]> {
  if (!input.reversal_key?.trim()) throw invalid("reversal_key is required")
  const cumulative = input.to_total !== undefined
  const reinstating = cumulative && input.reinstate === true
  // With `reinstate` the state under the lock decides, not the key: a target revisited after it went down
  // must act again (an unchanged target still posts nothing, so redeliveries stay idempotent).
  if (!reinstating) {
    const replays = await postingsByKeys(trx, [input.reversal_key, `${input.reversal_key}:debt`])
    if (replays.length) return replays.map((posting) => ({ posting, replayed: true }))
  }
  if (cumulative && isZero(input.to_total) && !reinstating) return []

  // The lock on the original serialises concurrent partial reversals of it.
  let original: PostingRow
  try {
    original = await findPosting(trx, input, { lock: true })
  } catch (e: any) {
    // a target of 0 of an earning never posted is met: nothing was credited, nothing reversed
    if (reinstating && isZero(input.to_total) && e?.type === MedusaError.Types.NOT_FOUND) return []
    throw e
  }
  if (original.status === "voided") {
    // a cumulative target of a voided earning is already met: nothing was ever credited
    if (cumulative) return []
    throw invalid(`Posting ${original.id} is voided and cannot be reversed`)
  }
  const reversed = await reversedAmount(trx, original.id)
  const remaining = MathBN.sub(original.amount, reversed)
  let amount: string
  try {
    if (input.amount !== undefined && cumulative) throw new LedgerInputError("to_total", "give amount or to_total, not both")
    if (cumulative && isZero(input.to_total) && MathBN.lte(reversed, 0)) return []
    if (cumulative) {
      // cumulative: what is still missing to reach the target, decided under the lock above
      const target = isZero(input.to_total)
        ? MathBN.convert(0)
        : MathBN.min(parseAmount(input.to_total, original.asset as any, "to_total"), original.amount)
      // A target decided on an older state of the order than one a posting of this original was already
      // decided at (a redelivered event, or one planned before a newer one committed) acts in neither
      // direction: a line's target can go down along the history, so an older one may be higher as well
      // as lower. (A newer state that posted nothing for this original leaves no mark: an older one
      // arriving after it still acts, as every reversal did before reinstatements existed.)
      if (reinstating && input.as_of !== undefined && !(await isNewer(trx, original.id, input.as_of))) return []
      if (reinstating && MathBN.lt(target, reversed)) {
        const key = await freshKey(trx, input.reversal_key)
        return [await reinstateOne(trx, original, input, MathBN.sub(reversed, target).toString(), key)]
      }
      if (MathBN.lte(target, reversed)) return []
      amount = MathBN.sub(target, reversed).toString()
    } else {
      amount = input.amount === undefined ? remaining.toString() : parseAmount(input.amount, original.asset as any)
    }
  } catch (e) {
    throw e instanceof LedgerInputError ? invalid(e.message) : e
  }
  if (MathBN.lte(remaining, 0)) return []
  if (MathBN.gt(amount, remaining)) {
    throw invalid(`amount ${amount} exceeds the ${remaining.toString()} of posting ${original.id} not yet reversed`)
  }
  const reversalKey = reinstating ? await freshKey(trx, input.reversal_key) : input.reversal_key

  const accounts = await accountsById(trx, [original.debit_account_id, original.credit_account_id])
  const from = accounts.get(original.credit_account_id)!
  const to = accounts.get(original.debit_account_id)!
  const base = {
    asset: original.asset as any,
    currency_code: original.currency_code,
    to: refOf(to),
    status: original.status === "pending" ? ("pending" as const) : ("posted" as const),
    reason: input.reason ?? "reversal",
    ...sourceOfReversal(original, input),
    note: input.note,
    reverses_posting_id: original.id,
    ...(input.as_of !== undefined ? { metadata: { as_of: String(input.as_of) } } : {}),
  }

  const canShortfall =
    input.on_shortfall === "debt" && base.status === "posted" && from.owner_type === "customer" && !from.allow_negative
  if (!canShortfall) return [await postOne(trx, { ...base, idempotency_key: reversalKey, amount, from: refOf(from) })]

  const [fresh] = await rows<AccountRow>(trx, `SELECT * FROM ledger_account WHERE id = ? FOR UPDATE`, [from.id])
  const available = MathBN.max(MathBN.sub(fresh.posted, fresh.pending_out), 0)
  const fromBalance = MathBN.min(amount, available)
  const fromDebt = MathBN.sub(amount, fromBalance)
  const results: PostingResult[] = []
  if (MathBN.gt(fromBalance, 0)) {
    results.push(await postOne(trx, { ...base, idempotency_key: reversalKey, amount: fromBalance.toString(), from: refOf(from) }))
  }
  if (MathBN.gt(fromDebt, 0)) {
    results.push(
      await postOne(trx, {
        ...base,
        idempotency_key: `${reversalKey}:debt`,
        amount: fromDebt.toString(),
        from: customer(from.owner_id, "debt"),
        reason: `${base.reason}.debt`,
      })
    )
  }
  return results
}

/**
 * Gives back `amount` of what was reversed of `original` (a cumulative target that
 * went down, SPEC §0.4: e.g. a goodwill refund first spread over two lines, then
 * attributed to the line returned since). The model is deliberately plain: a new
 * posting in the original's direction (original debit → original credit) with
 * `source_type` REINSTATEMENT and `source_id` the original, so `reversedAmount`
 * nets it. It is not a reversal (`reverses_posting_id` stays empty), so everything
 * else treats it as a fresh credit, which it is:
 * - debt first: a credit to a spendable main account repays that customer's debt
 *   (`repayDebt`, the same path as any earning), so a reversal that went into debt
 *   is cleared before anything becomes spendable again;
 * - lots: a credit to a lot-tracked account opens a lot, with the original's expiry
 *   (the reinstated points live as long as the points first earned);
 * - pending: a reinstatement of a pending original is pending (a hold, like the
 *   original) and posts or voids together with it.
 * The cause (`source_type`/`source_id` of the input) is kept in `metadata`.
 */
async function reinstateOne(trx: Trx, original: PostingRow, input: ReverseInput, amount: string, key: string) {
  const accounts = await accountsById(trx, [original.debit_account_id, original.credit_account_id])
  return postOne(trx, {
    idempotency_key: key,
    asset: original.asset as any,
    currency_code: original.currency_code,
    amount,
    from: refOf(accounts.get(original.debit_account_id)!),
    to: refOf(accounts.get(original.credit_account_id)!),
    status: original.status === "pending" ? "pending" : "posted",
    reason: `${input.reason ?? "reversal"}.reinstated`,
    source_type: REINSTATEMENT,
    source_id: original.id,
    note: input.note,
    expires_at: original.expires_at,
    metadata: {
      ...(input.as_of !== undefined ? { as_of: String(input.as_of) } : {}),
      reinstates_posting_id: original.id,
      cause_source_type: input.source_type ?? original.source_type,
      cause_source_id: input.source_id ?? original.source_id,
    },
  })
}
