import { generateEntityId } from "@medusajs/framework/utils"
import { AccountRef, LedgerAsset, accountFlags, accountKey } from "../../../utils/ledger"
import { rows, setBigNumber, Trx } from "./sql"

export type AccountRow = {
  id: string
  key: string
  owner_type: "customer" | "platform"
  owner_id: string
  purpose: string
  asset: string
  currency_code: string | null
  allow_negative: boolean
  tracks_lots: boolean
  posted: string
  pending_in: string
  pending_out: string
}

/** Get-or-create accounts by key in one round trip each way; safe under concurrency. */
export async function ensureAccounts(
  trx: Trx,
  refs: { ref: AccountRef; asset: LedgerAsset; currency_code: string | null }[]
): Promise<Map<string, AccountRow>> {
  const keys = refs.map(({ ref, asset, currency_code }) => accountKey(ref, asset, currency_code))
  const select = () =>
    rows<AccountRow>(trx, `SELECT * FROM ledger_account WHERE key = ANY(?) AND deleted_at IS NULL`, [keys])
  // Accounts exist after their first posting: one read in the steady state.
  let found = await select()
  if (found.length < new Set(keys).size) {
    const values = refs.map(({ ref, asset, currency_code }, i) => {
      const flags = accountFlags(ref, asset)
      return [
        generateEntityId(undefined, "lacc"),
        keys[i],
        ref.owner_type,
        ref.owner_id,
        ref.purpose ?? "main",
        asset,
        currency_code,
        flags.allow_negative,
        flags.tracks_lots,
      ]
    })
    await trx.raw(
      `INSERT INTO ledger_account (id, key, owner_type, owner_id, purpose, asset, currency_code, allow_negative, tracks_lots)
       VALUES ${values.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}
       ON CONFLICT (key) WHERE deleted_at IS NULL DO NOTHING`,
      values.flat()
    )
    // a new statement: sees rows a concurrent creator committed while we waited on the conflict
    found = await select()
  }
  return new Map(found.map((a) => [a.key, a]))
}

/**
 * Applies a movement to a customer account's counters. A debit is a conditional
 * update: it only happens if the account may go negative or keeps
 * `posted - pending_out >= amount`; Postgres re-checks the condition after any
 * concurrent writer commits, so no interleaving can overdraw. Returns false when
 * the balance is insufficient.
 */
export type CounterPhase = "post" | "hold" | "settle_post" | "settle_void" | "reduce" | "reduce_post" | "reduce_void"

/**
 * Counter effect of each phase on one side of a posting. A *reduction* is a
 * pending reversal of a pending posting: it shrinks the original's frozen amount
 * (pending_in of the credited customer) instead of reserving anything, and
 * follows the original when that is posted or voided.
 */
function counterUpdates(side: "debit" | "credit", phase: CounterPhase, a: string): string[] {
  const sign = side === "debit" ? "-" : "+"
  const pending = side === "debit" ? "pending_out" : "pending_in"
  // a reduction's debit side is the original's credit side and vice versa
  const reduced = side === "debit" ? "pending_in" : "pending_out"
  switch (phase) {
    case "post":
      return [setBigNumber("posted", `posted ${sign} ${a}`)]
    case "hold":
      return [setBigNumber(pending, `${pending} + ${a}`)]
    case "settle_post":
      return [setBigNumber(pending, `${pending} - ${a}`), setBigNumber("posted", `posted ${sign} ${a}`)]
    case "settle_void":
      return [setBigNumber(pending, `${pending} - ${a}`)]
    case "reduce":
      return [setBigNumber(reduced, `${reduced} - ${a}`)]
    case "reduce_post":
      return [setBigNumber(reduced, `${reduced} + ${a}`), setBigNumber("posted", `posted ${sign} ${a}`)]
    case "reduce_void":
      return [setBigNumber(reduced, `${reduced} + ${a}`)]
  }
}

export async function applyToCounters(
  trx: Trx,
  account: AccountRow,
  side: "debit" | "credit",
  phase: CounterPhase,
  amount: string,
  debtKey?: string
): Promise<{ ok: boolean; debt_posted: string | null }> {
  // Platform accounts: their balance is kept by the triggers on ledger_posting (store/platform-totals.ts).
  if (account.owner_type !== "customer") return { ok: true, debt_posted: null }
  const a = "CAST(:amount AS numeric)"
  const mustCover = side === "debit" && (phase === "post" || phase === "hold")
  const guard = mustCover ? `AND (allow_negative OR posted - pending_out >= ${a})` : ""
  // Earnings probe the customer's debt account in the same statement (SPEC §0.4 repayment).
  const debt = debtKey
    ? `, (SELECT posted::text FROM ledger_account d WHERE d.key = :debtKey AND d.deleted_at IS NULL) AS debt_posted`
    : ", NULL AS debt_posted"
  const updated = await rows(
    trx,
    `UPDATE ledger_account SET ${counterUpdates(side, phase, a).join(", ")}, updated_at = now()
      WHERE id = :id ${guard} RETURNING id${debt}`,
    { amount, id: account.id, ...(debtKey ? { debtKey } : {}) } as any
  )
  return { ok: updated.length === 1, debt_posted: updated[0]?.debt_posted ?? null }
}

/** Row-locks accounts in id order (the order every writer uses, so no deadlocks). */
export async function lockAccounts(trx: Trx, ids: string[]) {
  const sorted = [...new Set(ids)].sort()
  if (!sorted.length) return
  await trx.raw(`SELECT id FROM ledger_account WHERE id = ANY(?) ORDER BY id FOR UPDATE`, [sorted])
}
