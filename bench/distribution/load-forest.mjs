// Set-based loader of the referral forest for `npm run bench:distribution`: a few
// INSERT … SELECT statements build N customers, their promoters, referral pointers,
// the depth-3 closure and the team counters straight in PostgreSQL — the same rows
// the plugin's own code writes one bind at a time (see referral-forest/change.ts).

/** Scratch table kept for the measurements: member i at depth d under parent (all integers). */
export const FOREST_TABLE = "bench_forest_node"
/** Member i is customer `cus_bench_<i>`; newcomer k (unbound, for bind measurements) `cus_bench_new_<k>`. */
export const MEMBER_PREFIX = "cus_bench_"
export const NEWCOMER_PREFIX = "cus_bench_new_"
// The plugin's referral-code alphabet (utils/referral/code.ts): no 0/O/1/I/L.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

/**
 * Members per depth: ~1% roots, the rest over depths 1..maxDepth on a bell
 * (peak at maxDepth/3) with a thin tail, so a few hundred members sit at the
 * full depth. Every depth gets at least one member when there are enough.
 */
export function levelSizes(total, maxDepth) {
  const roots = Math.max(1, Math.round(total * 0.01))
  const rest = total - roots
  const peak = maxDepth / 3
  const spread = maxDepth / 5
  const weights = Array.from({ length: maxDepth }, (_, k) => Math.exp(-((k + 1 - peak) ** 2) / (2 * spread ** 2)))
  const sum = weights.reduce((a, b) => a + b, 0)
  const sizes = weights.map((w) => Math.max(rest >= maxDepth ? 1 : 0, Math.floor((rest * w) / sum)))
  const peakIndex = weights.indexOf(Math.max(...weights))
  sizes[peakIndex] += rest - sizes.reduce((a, b) => a + b, 0)
  return [roots, ...sizes].filter((n) => n > 0)
}

// The code of member i: i in base 31 over the referral alphabet, 7 characters (as generated codes).
const codeSql = (i) =>
  `(${Array.from({ length: 7 }, (_, k) => `substr('${ALPHABET}', ((${i} / ${31 ** (6 - k)}::bigint) % 31)::int + 1, 1)`).join(" || ")})`

const cid = (i) => `'${MEMBER_PREFIX}' || ${i}`

/**
 * Inserts with the table's secondary indexes dropped and rebuilt afterwards (a
 * bulk load's usual shape: one sort per index instead of a million b-tree inserts).
 */
export async function bulkInsert(client, table, sql, params = []) {
  const { rows: indexes } = await client.query(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = $1
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.conrelid = $1::regclass)`,
    [table]
  )
  const started = performance.now()
  for (const { indexname } of indexes) await client.query(`DROP INDEX "${indexname}"`)
  const { rowCount } = await client.query(sql, params)
  for (const { indexdef } of indexes) await client.query(indexdef)
  return { table, rows: rowCount, seconds: (performance.now() - started) / 1000 }
}

/**
 * Loads a forest of `members` customers (depth ≤ maxDepth) plus `newcomers`
 * unbound customers (for the bind measurements) and `orders` paid
 * commission_order rows this month (so team sales have data to sum).
 * Returns per-table timings. `client` is a connected `pg` client.
 */
export async function loadForest(client, { members, maxDepth, newcomers, orders, seed = 0.42 }) {
  const sizes = levelSizes(members, maxDepth)
  const starts = sizes.map((_, d) => 1 + sizes.slice(0, d).reduce((a, b) => a + b, 0))
  const steps = []
  const started = performance.now()
  const step = async (label, fn) => {
    const t = performance.now()
    const result = await fn()
    steps.push(result ?? { table: label, rows: 0, seconds: (performance.now() - t) / 1000 })
  }

  await client.query(`SET synchronous_commit = off`)
  await client.query(`SET maintenance_work_mem = '512MB'`)
  await client.query(`SET work_mem = '256MB'`)
  await client.query(`SELECT setseed($1)`, [seed])

  // The forest as integers: member i at depth d, parent drawn among the members one
  // level up with a skew (random()^3) that gives a few very large teams.
  await step("forest pointers (scratch)", async () => {
    await client.query(`DROP TABLE IF EXISTS ${FOREST_TABLE}, bench_closure`)
    await client.query(
      `CREATE UNLOGGED TABLE ${FOREST_TABLE} AS
       WITH lv AS (SELECT n - 1 AS d, start, cnt FROM unnest($1::bigint[], $2::bigint[]) WITH ORDINALITY AS t(start, cnt, n))
       SELECT g.i, l.d::int AS d,
              CASE WHEN l.d = 0 THEN NULL ELSE p.start + floor(p.cnt * power(random(), 3))::bigint END AS parent
         FROM lv l LEFT JOIN lv p ON p.d = l.d - 1
        CROSS JOIN LATERAL generate_series(l.start, l.start + l.cnt - 1) AS g(i)`,
      [starts, sizes]
    )
    await client.query(`ALTER TABLE ${FOREST_TABLE} ADD PRIMARY KEY (i)`)
    await client.query(`CREATE INDEX ON ${FOREST_TABLE} (d, i)`)
    // (ancestor, descendant, depth ≤ 3) as integers, from the pointers
    await client.query(
      `CREATE UNLOGGED TABLE bench_closure AS
       SELECT n.parent AS a, n.i AS x, 1 AS depth FROM ${FOREST_TABLE} n WHERE n.parent IS NOT NULL
       UNION ALL
       SELECT p.parent, n.i, 2 FROM ${FOREST_TABLE} n JOIN ${FOREST_TABLE} p ON p.i = n.parent WHERE p.parent IS NOT NULL
       UNION ALL
       SELECT g.parent, n.i, 3 FROM ${FOREST_TABLE} n JOIN ${FOREST_TABLE} p ON p.i = n.parent
         JOIN ${FOREST_TABLE} g ON g.i = p.parent WHERE g.parent IS NOT NULL`
    )
  })

  await step("customer", () =>
    bulkInsert(
      client,
      "customer",
      `INSERT INTO customer (id, email, first_name, last_name, has_account, created_at, updated_at)
       SELECT ${cid("i")}, 'member' || i || '@bench.fission.test', 'Member', i::text, false,
              now() - interval '400 days' + (i * interval '1 second'), now()
         FROM ${FOREST_TABLE}
       UNION ALL
       SELECT '${NEWCOMER_PREFIX}' || k, 'newcomer' || k || '@bench.fission.test', 'Newcomer', k::text, false, now(), now()
         FROM generate_series(1, $1::int) k`,
      [newcomers]
    )
  )
  await step("promoter", () =>
    bulkInsert(
      client,
      "promoter",
      `INSERT INTO promoter (id, customer_id, code, status, source, activated_at)
       SELECT 'prom_bench_' || i, ${cid("i")}, ${codeSql("i")}, 'active', 'everyone', now() FROM ${FOREST_TABLE}`
    )
  )
  await step("referral", () =>
    bulkInsert(
      client,
      "referral",
      `INSERT INTO referral (id, customer_id, referrer_id, source, code, bound_at)
       SELECT 'ref_bench_' || i, ${cid("i")}, ${cid("parent")}, 'code', ${codeSql("parent")},
              now() - interval '300 days' + (i * interval '1 second')
         FROM ${FOREST_TABLE} WHERE parent IS NOT NULL`
    )
  )
  await step("referral_ancestor", () =>
    bulkInsert(
      client,
      "referral_ancestor",
      `INSERT INTO referral_ancestor (id, ancestor_id, descendant_id, depth)
       SELECT 'ranc_bench_' || x || '_' || depth, ${cid("a")}, ${cid("x")}, depth FROM bench_closure`
    )
  )
  await step("team_counter", () =>
    bulkInsert(
      client,
      "team_counter",
      `INSERT INTO team_counter (id, customer_id, level1, level2, level3)
       SELECT 'tcnt_bench_' || a, ${cid("a")},
              count(*) FILTER (WHERE depth = 1), count(*) FILTER (WHERE depth = 2), count(*) FILTER (WHERE depth = 3)
         FROM bench_closure GROUP BY a`
    )
  )
  // Paid orders of random members this month: what GET /store/fission/team/summary sums.
  await step("commission_order", () =>
    bulkInsert(
      client,
      "commission_order",
      `INSERT INTO commission_order (id, order_id, buyer_id, currency_code, base_total, raw_base_total, status, paid_at)
       SELECT 'cord_bench_' || k, 'order_bench_' || k, ${cid("b")}, 'cny', amount,
              jsonb_build_object('value', amount::text, 'precision', 20), 'paid',
              date_trunc('month', now()) + random() * (now() - date_trunc('month', now()))
         FROM (SELECT k, 1 + floor(random() * $2::bigint)::bigint AS b, round((10 + random() * 990)::numeric, 2) AS amount
                 FROM generate_series(1, $1::int) k) o`,
      [orders, members]
    )
  )
  // A live database has its visibility map and statistics: vacuum as autovacuum would.
  await step("vacuum analyze", async () => {
    await client.query(`DROP TABLE bench_closure`)
    await client.query(
      `VACUUM (ANALYZE) customer, promoter, referral, referral_ancestor, team_counter, commission_order, ${FOREST_TABLE}`
    )
  })
  const seconds = (performance.now() - started) / 1000
  const rows = steps.reduce((a, s) => a + s.rows, 0)
  return {
    members,
    max_depth: sizes.length - 1,
    roots: sizes[0],
    members_per_depth: sizes,
    newcomers,
    synthetic_paid_orders: orders,
    rows,
    seconds: Math.round(seconds * 10) / 10,
    rows_per_s: Math.round(rows / seconds),
    steps: steps.map((s) => ({ ...s, seconds: Math.round(s.seconds * 10) / 10 })),
  }
}
