import { generateEntityId, MathBN } from "@medusajs/framework/utils"
import { rawNumber, rows, Trx } from "./sql"

type Allocation = { lot_posting_id: string; amount: string }

async function insertAllocations(trx: Trx, postingId: string, accountId: string, allocations: Allocation[]) {
  if (!allocations.length) return
  const values = allocations.map((a) => [
    generateEntityId(undefined, "lalc"),
    postingId,
    a.lot_posting_id,
    accountId,
    a.amount,
    rawNumber(a.amount),
  ])
  await trx.raw(
    `INSERT INTO ledger_lot_allocation (id, posting_id, lot_posting_id, account_id, amount, raw_amount)
     VALUES ${values.map(() => "(?, ?, ?, ?, ?::numeric, ?::jsonb)").join(", ")}`,
    values.flat()
  )
}

/**
 * Consumes `amount` from the account's open lots, soonest-expiring first (lots
 * without expiry last). `preferLotId` is consumed first: reversing the credit
 * that created a lot takes back from that very lot. Call only while holding the
 * account's row lock (the counter update takes it).
 */
export async function allocateLots(
  trx: Trx,
  { postingId, accountId, amount, preferLotId }: { postingId: string; accountId: string; amount: string; preferLotId?: string | null }
) {
  const lots = await rows<{ id: string; remaining: string }>(
    trx,
    `SELECT p.id, (p.amount - COALESCE(SUM(a.amount), 0))::text AS remaining
       FROM ledger_posting p
       LEFT JOIN ledger_lot_allocation a ON a.lot_posting_id = p.id AND a.deleted_at IS NULL
      WHERE p.credit_account_id = ? AND p.is_lot AND p.status = 'posted' AND p.deleted_at IS NULL
      GROUP BY p.id
     HAVING p.amount - COALESCE(SUM(a.amount), 0) > 0
      ORDER BY (p.id = ?) DESC, p.expires_at ASC NULLS LAST, p.id ASC`,
    [accountId, preferLotId ?? ""]
  )
  let left = MathBN.convert(amount)
  const allocations: Allocation[] = []
  for (const lot of lots) {
    if (left.lte(0)) break
    const take = MathBN.min(left, lot.remaining)
    allocations.push({ lot_posting_id: lot.id, amount: take.toString() })
    left = MathBN.sub(left, take)
  }
  await insertAllocations(trx, postingId, accountId, allocations)
}

/**
 * Gives back what `sourcePostingId` consumed (up to `amount`, latest lots first):
 * a refund of a spend, or the void of a pending spend, restores the original lots.
 * Returns the amount given back.
 */
export async function returnAllocations(
  trx: Trx,
  { sourcePostingId, postingId, accountId, amount }: { sourcePostingId: string; postingId: string; accountId: string; amount: string }
) {
  const consumed = await rows<{ lot_posting_id: string; net: string }>(
    trx,
    `SELECT a.lot_posting_id, SUM(a.amount)::text AS net
       FROM ledger_lot_allocation a
      WHERE a.deleted_at IS NULL
        AND (a.posting_id = ? OR a.posting_id IN (SELECT id FROM ledger_posting WHERE reverses_posting_id = ? AND deleted_at IS NULL))
      GROUP BY a.lot_posting_id
     HAVING SUM(a.amount) > 0
      ORDER BY (SELECT expires_at FROM ledger_posting WHERE id = a.lot_posting_id) DESC NULLS FIRST,
               a.lot_posting_id DESC`,
    [sourcePostingId, sourcePostingId]
  )
  let left = MathBN.convert(amount)
  const allocations: Allocation[] = []
  for (const c of consumed) {
    if (left.lte(0)) break
    const give = MathBN.min(left, c.net)
    allocations.push({ lot_posting_id: c.lot_posting_id, amount: MathBN.mult(give, -1).toString() })
    left = MathBN.sub(left, give)
  }
  await insertAllocations(trx, postingId, accountId, allocations)
  return MathBN.sub(amount, left).toString()
}

export async function hasAllocations(trx: Trx, postingId: string) {
  const found = await rows(trx, `SELECT 1 FROM ledger_lot_allocation WHERE posting_id = ? AND deleted_at IS NULL LIMIT 1`, [
    postingId,
  ])
  return found.length > 0
}
