/**
 * SQL of the `ledger_posting` statement triggers that keep the platform totals
 * (Migration20261203180000) and the movement buckets (Migration20261204020000), shared
 * by both migrations and the benches that switch them (bench/ledger/platform-totals.ts,
 * bench/ledger/movements.ts). Kept out of the migrations because the migrator takes a
 * migration file's first export as its class. Changing what these return changes what
 * a fresh database's migrations create: add a migration instead.
 */
export const SMALL = 1000

/**
 * Platform accounts' change from `sources` (rows with a sign), the rules of `DERIVED`
 * (store/reports.ts). Each side's rows are kept only if their account is a platform
 * account: for a few rows by primary-key look-ups of their accounts (`few`), for many by
 * a hashed look-up in the few platform ids, so a million-row insert whose credits go to
 * customers aggregates only its debits. Soft-deleted rows are left out in the aggregates'
 * FILTER, not in a WHERE: a filter on the transition table would make the planner guess
 * 0.5 % of its rows.
 */
export const platformEffectSql = (sources: [table: string, sign: 1 | -1][], few: boolean) => {
  const sum = (cond: string) => `COALESCE(SUM(p.amount) FILTER (WHERE p.deleted_at IS NULL AND ${cond}), 0)`
  const [posted, pendingPlain, pendingReversal] = [
    sum("p.status = 'posted'"),
    sum("p.status = 'pending' AND p.reverses_posting_id IS NULL"),
    sum("p.status = 'pending' AND p.reverses_posting_id IS NOT NULL"),
  ]
  const side = (t: string, col: string, sums: string) =>
    few
      ? `SELECT p.${col} AS account_id, ${sums} FROM ${t} p
           JOIN ledger_account a ON a.id = p.${col} AND a.owner_type = 'platform' GROUP BY p.${col}`
      : `SELECT p.${col} AS account_id, ${sums} FROM ${t} p
          WHERE p.${col} IN (SELECT id FROM ledger_account WHERE owner_type = 'platform') GROUP BY p.${col}`
  const sides = sources.flatMap(([t, s]) => [
    side(t, "credit_account_id", `${s} * ${posted} AS posted, ${s} * ${pendingPlain} AS pending_in, ${-s} * ${pendingReversal} AS pending_out`),
    side(t, "debit_account_id", `${-s} * ${posted} AS posted, ${-s} * ${pendingReversal} AS pending_in, ${s} * ${pendingPlain} AS pending_out`),
  ])
  return `SELECT m.account_id, SUM(m.posted) AS posted, SUM(m.pending_in) AS pending_in, SUM(m.pending_out) AS pending_out
            FROM (${sides.join("\n UNION ALL ")}) m
           GROUP BY m.account_id
          HAVING SUM(m.posted) <> 0 OR SUM(m.pending_in) <> 0 OR SUM(m.pending_out) <> 0
           ORDER BY m.account_id`
}

export const raw = (expr: string) => `jsonb_build_object('value', (${expr})::text, 'precision', 20)`
export const newId = `'lptot_' || replace(gen_random_uuid()::text, '-', '')`

export const triggerFunction = (name: string, probe: string, sources: [string, 1 | -1][]) => {
  const add = `PERFORM fission_ledger_platform_total_add(r.account_id, r.posted, r.pending_in, r.pending_out);`
  return `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE r record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM ${probe} OFFSET ${SMALL}) THEN
    FOR r IN ${platformEffectSql(sources, true)} LOOP ${add} END LOOP;
  ELSE
    FOR r IN EXECUTE $q$${platformEffectSql(sources, false)}$q$ LOOP ${add} END LOOP;
  END IF;
  RETURN NULL;
END $fn$`
}


export const BUCKET = "15 minutes"
/** A bucket's start: posted time floored to 15 minutes since 2000-01-01 UTC (absolute time, no zone). */
export const bucketOf = (at: string) => `date_bin('${BUCKET}', ${at}, TIMESTAMPTZ '2000-01-01 00:00:00+00')`

const PLATFORM_IDS = `SELECT id FROM ledger_account WHERE owner_type = 'platform'`
/** Accounts that are not a customer's main account (platform and debt accounts): few, by the partial index. */
const NOT_CUSTOMER_MAIN = `SELECT id FROM ledger_account WHERE owner_type = 'platform' OR purpose <> 'main'`

/** `credited`: SQL boolean, the customer account is the credited side (store/movements.ts `kindOf`). */
const kind = (credited: string) => `CASE
    WHEN ${credited} AND p.reverses_posting_id IS NULL THEN 'earned'
    WHEN ${credited} THEN 'returned'
    WHEN p.reason = 'expired' THEN 'expired'
    WHEN p.reverses_posting_id IS NOT NULL THEN 'reversed'
    ELSE 'spent' END`

/** The buckets' change from `sources` (rows with a sign), per asset, currency, kind and bucket. */
export const movementEffectSql = (sources: [table: string, sign: 1 | -1][], few: boolean) => {
  const side = ([t, s]: [string, 1 | -1]) =>
    few
      ? `SELECT p.asset, p.currency_code, ${kind("c.owner_type = 'customer'")} AS kind, ${bucketOf("COALESCE(p.posted_at, p.created_at)")} AS bucket_at,
                ${s} * SUM(p.amount) AS total, ${s} * COUNT(*) AS count
           FROM ${t} p JOIN ledger_account c ON c.id = p.credit_account_id JOIN ledger_account d ON d.id = p.debit_account_id
          WHERE p.status = 'posted' AND p.deleted_at IS NULL
            AND ((c.owner_type = 'customer' AND c.purpose = 'main' AND d.owner_type = 'platform')
              OR (d.owner_type = 'customer' AND d.purpose = 'main' AND c.owner_type = 'platform'))
          GROUP BY 1, 2, 3, 4`
      : `SELECT p.asset, p.currency_code, ${kind(`p.debit_account_id IN (${PLATFORM_IDS})`)} AS kind, ${bucketOf("COALESCE(p.posted_at, p.created_at)")} AS bucket_at,
                ${s} * SUM(p.amount) AS total, ${s} * COUNT(*) AS count
           FROM ${t} p
          WHERE p.status = 'posted' AND p.deleted_at IS NULL
            AND ((p.debit_account_id IN (${PLATFORM_IDS}) AND p.credit_account_id NOT IN (${NOT_CUSTOMER_MAIN}))
              OR (p.credit_account_id IN (${PLATFORM_IDS}) AND p.debit_account_id NOT IN (${NOT_CUSTOMER_MAIN})))
          GROUP BY 1, 2, 3, 4`
  return `SELECT m.asset, m.currency_code, m.kind, m.bucket_at, SUM(m.total) AS total, SUM(m.count)::int AS count
            FROM (${sources.map(side).join("\n UNION ALL ")}) m
           GROUP BY 1, 2, 3, 4
          HAVING SUM(m.total) <> 0 OR SUM(m.count) <> 0
           ORDER BY 1, 2, 3, 4`
}

export const newBucketId = `'lmvb_' || replace(gen_random_uuid()::text, '-', '')`

/** The trigger function of Migration20261203180000, with the buckets' effect after the totals'. */
export const bothFunction = (name: string, probe: string, sources: [string, 1 | -1][]) => {
  const addTotal = `PERFORM fission_ledger_platform_total_add(r.account_id, r.posted, r.pending_in, r.pending_out);`
  const addBucket = `PERFORM fission_ledger_movement_bucket_add(r.asset, r.currency_code, r.kind, r.bucket_at, r.total, r.count);`
  return `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE r record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM ${probe} OFFSET ${SMALL}) THEN
    FOR r IN ${platformEffectSql(sources, true)} LOOP ${addTotal} END LOOP;
    FOR r IN ${movementEffectSql(sources, true)} LOOP ${addBucket} END LOOP;
  ELSE
    FOR r IN EXECUTE $q$${platformEffectSql(sources, false)}$q$ LOOP ${addTotal} END LOOP;
    FOR r IN EXECUTE $q$${movementEffectSql(sources, false)}$q$ LOOP ${addBucket} END LOOP;
  END IF;
  RETURN NULL;
END $fn$`
}

export const TRIGGER_FUNCTIONS: [name: string, probe: string, sources: [string, 1 | -1][]][] = [
  ["fission_ledger_posting_totals_insert", "new_rows", [["new_rows", 1]]],
  ["fission_ledger_posting_totals_update", "new_rows", [["new_rows", 1], ["old_rows", -1]]],
  ["fission_ledger_posting_totals_delete", "old_rows", [["old_rows", -1]]],
]

