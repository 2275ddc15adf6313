import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { closureRowsForLink, ClosureNode, ClosureRow, teamCounterDeltas } from "../../../utils/referral/closure"
import { REFERRAL_COLUMNS, ReferralRow, rows, Trx } from "./sql"
import { isSelfOrAncestor } from "./upline"

/**
 * Every structural change of the referral forest (bind, rebind, unbind,
 * expire) takes this transaction-scoped advisory lock first. Changes are rare
 * (at most one per sign-up) and short, so serialising them costs little and
 * makes the closure and counter arithmetic exact: two concurrent binds near
 * each other in the tree could otherwise each miss the other's new paths.
 * Readers never take it.
 */
export const REFERRAL_FOREST_LOCK = 4_721_009_311

export type ReferralSource = "code" | "link" | "order" | "admin"

export type ReferralChangeInput = {
  customer_id: string
  /** The new referrer; null removes the binding. */
  referrer_id: string | null
  /**
   * bind: the customer must not be bound yet (422 duplicate_error otherwise);
   * rebind: admin change from any state (reason required by the API);
   * expire: remove the binding only if it has expired by `now`.
   */
  action: "bind" | "rebind" | "expire"
  source: ReferralSource
  /** Where the request came from, for the audit event (e.g. "code", "register", "order", "admin", "job"). */
  event_source?: string
  code?: string | null
  reason?: string | null
  actor_id?: string | null
  /** The store's binding_expiry_days (null = never). */
  expiry_days?: number | null
  now?: Date
}

export type ReferralChangeResult = {
  changed: boolean
  previous: ReferralRow | null
  referral: ReferralRow | null
  event_id: string | null
}

export type ReferralRestoreInput = {
  customer_id: string
  /** The exact row to put back (null = unbound). */
  row: ReferralRow | null
  /** The audit event of the change being undone. */
  delete_event_id: string | null
}

const duplicate = (m: string) => new MedusaError(MedusaError.Types.DUPLICATE_ERROR, m)
const invalid = (m: string) => new MedusaError(MedusaError.Types.INVALID_DATA, m)

async function currentReferral(trx: Trx, customerId: string): Promise<ReferralRow | null> {
  const [row] = await rows<ReferralRow>(
    trx,
    `SELECT ${REFERRAL_COLUMNS} FROM referral WHERE customer_id = ? AND deleted_at IS NULL`,
    [customerId]
  )
  return row ?? null
}

/** R itself at 0 and R's ancestors at their distance from R (≤ 2: deeper ones cannot reach R's new child). */
async function chainOf(trx: Trx, referrerId: string): Promise<ClosureNode[]> {
  const up = await rows<{ ancestor_id: string; depth: number }>(
    trx,
    `SELECT ancestor_id, depth FROM referral_ancestor WHERE descendant_id = ? AND depth <= 2 AND deleted_at IS NULL`,
    [referrerId]
  )
  return [{ id: referrerId, depth: 0 }, ...up.map((r) => ({ id: r.ancestor_id, depth: r.depth }))]
}

/** X itself at 0 and X's descendants to depth 2 (everything a new parent chain can reach within depth 3). */
async function subtreeOf(trx: Trx, customerId: string): Promise<ClosureNode[]> {
  const down = await rows<{ descendant_id: string; depth: number }>(
    trx,
    `SELECT descendant_id, depth FROM referral_ancestor WHERE ancestor_id = ? AND depth <= 2 AND deleted_at IS NULL`,
    [customerId]
  )
  return [{ id: customerId, depth: 0 }, ...down.map((r) => ({ id: r.descendant_id, depth: r.depth }))]
}

const BATCH = 1000

async function insertPaths(trx: Trx, paths: ClosureRow[]) {
  for (let i = 0; i < paths.length; i += BATCH) {
    const batch = paths.slice(i, i + BATCH)
    await trx.raw(
      `INSERT INTO referral_ancestor (id, ancestor_id, descendant_id, depth)
       SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::int[])`,
      [batch.map(() => generateEntityId(undefined, "ranc")), batch.map((p) => p.ancestor_id), batch.map((p) => p.descendant_id), batch.map((p) => p.depth)]
    )
  }
}

async function deletePaths(trx: Trx, paths: ClosureRow[]) {
  for (let i = 0; i < paths.length; i += BATCH) {
    const batch = paths.slice(i, i + BATCH)
    const result: any = await trx.raw(
      `DELETE FROM referral_ancestor a
        USING unnest(?::text[], ?::text[], ?::int[]) AS p(ancestor_id, descendant_id, depth)
        WHERE a.ancestor_id = p.ancestor_id AND a.descendant_id = p.descendant_id AND a.depth = p.depth`,
      [batch.map((p) => p.ancestor_id), batch.map((p) => p.descendant_id), batch.map((p) => p.depth)]
    )
    if (result.rowCount !== batch.length) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `referral closure is inconsistent: expected to remove ${batch.length} paths, found ${result.rowCount}`
      )
    }
  }
}

/** Adds the per-level deltas to the ancestors' team counters (row created on first use). */
async function applyCounters(trx: Trx, paths: ClosureRow[], sign: 1 | -1) {
  const deltas = [...teamCounterDeltas(paths, sign)].sort(([a], [b]) => (a < b ? -1 : 1))
  if (!deltas.length) return
  await trx.raw(
    `INSERT INTO team_counter (id, customer_id, level1, level2, level3)
     SELECT * FROM unnest(?::text[], ?::text[], ?::int[], ?::int[], ?::int[])
     ON CONFLICT (customer_id) WHERE deleted_at IS NULL DO UPDATE SET
       level1 = team_counter.level1 + excluded.level1,
       level2 = team_counter.level2 + excluded.level2,
       level3 = team_counter.level3 + excluded.level3,
       updated_at = now()`,
    [
      deltas.map(() => generateEntityId(undefined, "tcnt")),
      deltas.map(([id]) => id),
      deltas.map(([, d]) => d.level1),
      deltas.map(([, d]) => d.level2),
      deltas.map(([, d]) => d.level3),
    ]
  )
}

/** Moves X's subtree from its current parent (if any) to `referrerId` (if any): closure and counters. */
async function relink(trx: Trx, customerId: string, oldReferrer: string | null, newReferrer: string | null) {
  const subtree = await subtreeOf(trx, customerId)
  if (oldReferrer) {
    const removed = closureRowsForLink(await chainOf(trx, oldReferrer), subtree)
    await deletePaths(trx, removed)
    await applyCounters(trx, removed, -1)
  }
  if (newReferrer) {
    const added = closureRowsForLink(await chainOf(trx, newReferrer), subtree)
    await insertPaths(trx, added)
    await applyCounters(trx, added, 1)
  }
}

async function writeRow(trx: Trx, customerId: string, current: ReferralRow | null, next: Omit<ReferralRow, "id" | "customer_id"> | null) {
  if (!next) {
    if (current) await trx.raw(`DELETE FROM referral WHERE id = ?`, [current.id])
    return null
  }
  const values = [next.referrer_id, next.source, next.code, next.bound_at, next.expires_at, next.last_purchase_at]
  const [row] = current
    ? await rows<ReferralRow>(
        trx,
        `UPDATE referral SET referrer_id = ?, source = ?, code = ?, bound_at = ?, expires_at = ?, last_purchase_at = ?, updated_at = now()
          WHERE id = ? RETURNING ${REFERRAL_COLUMNS}`,
        [...values, current.id]
      )
    : await rows<ReferralRow>(
        trx,
        `INSERT INTO referral (id, customer_id, referrer_id, source, code, bound_at, expires_at, last_purchase_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${REFERRAL_COLUMNS}`,
        [generateEntityId(undefined, "ref"), customerId, ...values]
      )
  return row
}

const addDays = (date: Date, days: number | null | undefined) =>
  days === null || days === undefined ? null : new Date(date.getTime() + days * 86_400_000)

/**
 * Sets (or removes) a customer's referrer, keeping `referral`, the depth-3
 * closure `referral_ancestor` and `team_counter` consistent, and appends a
 * `referral_event`. Must run inside a transaction; takes the forest lock.
 */
export async function changeReferrer(trx: Trx, input: ReferralChangeInput): Promise<ReferralChangeResult> {
  const now = input.now ?? new Date()
  const X = input.customer_id
  const R = input.referrer_id
  await trx.raw(`SELECT pg_advisory_xact_lock(?)`, [REFERRAL_FOREST_LOCK])
  const current = await currentReferral(trx, X)
  const unchanged = { changed: false, previous: current, referral: current, event_id: null }

  if (input.action === "expire") {
    if (!current || !current.expires_at || new Date(current.expires_at) > now) return unchanged
  } else if (input.action === "bind" && current) {
    throw duplicate(`customer ${X} is already bound to a referrer; a binding can only be changed by an admin`)
  }
  if (R) {
    if (R === X) throw invalid("referrer_id: a customer cannot refer themself (self-referral)")
    if (current?.referrer_id === R) throw invalid(`referrer_id: the customer is already bound to ${R}`)
    if (await isSelfOrAncestor(trx, X, R)) {
      throw invalid("referrer_id: the referrer is in the customer's own team (binding would create a referral cycle)")
    }
  } else if (!current) {
    return unchanged
  }

  await relink(trx, X, current?.referrer_id ?? null, input.action === "expire" ? null : R)
  const referral = await writeRow(
    trx,
    X,
    current,
    R && input.action !== "expire"
      ? { referrer_id: R, source: input.source, code: input.code ?? null, bound_at: now, expires_at: addDays(now, input.expiry_days), last_purchase_at: null }
      : null
  )
  const eventId = generateEntityId(undefined, "refev")
  await trx.raw(
    `INSERT INTO referral_event (id, customer_id, referrer_id, previous_referrer_id, action, source, reason, actor_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [eventId, X, referral?.referrer_id ?? null, current?.referrer_id ?? null, input.action, input.event_source ?? input.source, input.reason ?? null, input.actor_id ?? null]
  )
  return { changed: true, previous: current, referral, event_id: eventId }
}

/** Compensation of `changeReferrer`: puts the exact previous row back and drops the change's audit event. */
export async function restoreReferrer(trx: Trx, { customer_id, row, delete_event_id }: ReferralRestoreInput) {
  await trx.raw(`SELECT pg_advisory_xact_lock(?)`, [REFERRAL_FOREST_LOCK])
  const current = await currentReferral(trx, customer_id)
  if ((current?.referrer_id ?? null) !== (row?.referrer_id ?? null)) {
    await relink(trx, customer_id, current?.referrer_id ?? null, row?.referrer_id ?? null)
  }
  await writeRow(trx, customer_id, current, row)
  if (delete_event_id) await trx.raw(`DELETE FROM referral_event WHERE id = ?`, [delete_event_id])
}

/**
 * Records a purchase of a bound customer (resets the expiry clock). A binding
 * that has already expired is not revived: expired bindings pay nothing.
 */
export async function touchReferralPurchase(trx: Trx, customerId: string, at: Date, expiryDays: number | null) {
  await trx.raw(
    `UPDATE referral SET
        last_purchase_at = GREATEST(COALESCE(last_purchase_at, ?::timestamptz), ?::timestamptz),
        expires_at = CASE WHEN ?::int IS NULL THEN NULL
                          ELSE GREATEST(COALESCE(last_purchase_at, ?::timestamptz), ?::timestamptz) + make_interval(days => ?::int) END,
        updated_at = now()
      WHERE customer_id = ? AND deleted_at IS NULL AND (expires_at IS NULL OR expires_at > ?)`,
    [at, at, expiryDays, at, at, expiryDays, customerId, at]
  )
}

/** After binding_expiry_days changes: every live binding's deadline from its last purchase (or bind). */
export async function recomputeReferralExpiry(trx: Trx, expiryDays: number | null) {
  await trx.raw(
    `UPDATE referral SET expires_at = CASE WHEN ?::int IS NULL THEN NULL
        ELSE COALESCE(last_purchase_at, bound_at) + make_interval(days => ?::int) END, updated_at = now()
      WHERE deleted_at IS NULL`,
    [expiryDays, expiryDays]
  )
}
