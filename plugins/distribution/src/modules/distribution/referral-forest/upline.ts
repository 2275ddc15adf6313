import { rows, Trx } from "./sql"

export type UplineNode = {
  /** The ancestor. */
  customer_id: string
  /** 1 = the direct referrer. */
  depth: number
  /** The customer one level below whose binding links to this ancestor. */
  via_customer_id: string
  bound_at: Date
  expires_at: Date | null
}

/**
 * The customer's ancestors, nearest first, by following referral pointers:
 * one recursive query doing `depth` primary-key lookups (never a tree scan).
 * Unless `include_expired`, the walk stops at the first expired binding — an
 * expired binding pays nothing and cuts everything above it off as well.
 */
export async function listUpline(
  trx: Trx,
  customerId: string,
  depth: number,
  { as_of = new Date(), include_expired = false }: { as_of?: Date; include_expired?: boolean } = {}
): Promise<UplineNode[]> {
  if (depth < 1) return []
  const live = include_expired ? "" : `AND (r.expires_at IS NULL OR r.expires_at > :as_of)`
  return rows<UplineNode>(
    trx,
    `WITH RECURSIVE up AS (
       SELECT r.customer_id, r.referrer_id, r.bound_at, r.expires_at, 1 AS depth
         FROM referral r WHERE r.customer_id = :customer_id AND r.deleted_at IS NULL ${live}
       UNION ALL
       SELECT r.customer_id, r.referrer_id, r.bound_at, r.expires_at, up.depth + 1
         FROM referral r JOIN up ON r.customer_id = up.referrer_id
        WHERE up.depth < :depth AND r.deleted_at IS NULL ${live}
     )
     SELECT referrer_id AS customer_id, depth, customer_id AS via_customer_id, bound_at, expires_at
       FROM up ORDER BY depth`,
    { customer_id: customerId, depth, as_of }
  )
}

/**
 * True when `candidate` is `customerId` itself or one of its ancestors —
 * i.e. binding `candidate` under `customerId` would close a cycle. Walks the
 * whole chain (not only 3 levels): pointers, O(tree height).
 */
export async function isSelfOrAncestor(trx: Trx, candidate: string, customerId: string): Promise<boolean> {
  if (candidate === customerId) return true
  const found = await rows(
    trx,
    `WITH RECURSIVE up AS (
       SELECT referrer_id, 1 AS n FROM referral WHERE customer_id = :customer_id AND deleted_at IS NULL
       UNION ALL
       SELECT r.referrer_id, up.n + 1 FROM referral r JOIN up ON r.customer_id = up.referrer_id
        WHERE r.deleted_at IS NULL AND up.n < 100000
     )
     SELECT 1 FROM up WHERE referrer_id = :candidate LIMIT 1`,
    { customer_id: customerId, candidate }
  )
  return found.length > 0
}
