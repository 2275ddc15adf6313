import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { commitmentOf, createSeedChain, DrawChain } from "../../../utils/fair-draw"
import type { CommitDrawChainInput } from "../types"
import { Row, TABLE } from "./rows"

type ChainRows = { chain: DrawChain; rounds: { round: number; draw_id: string }[] }

/**
 * Inserts rounds 0..rounds-1 of a new seed chain for the source in one statement
 * (arrays through `unnest`, so no bind-parameter limit), or does nothing when any of
 * those rounds exists: the partial unique index on (source_type, source_id, round)
 * decides races, so concurrent commits of one chain create it once. Returns the
 * rows inserted (all or none, unless other draws of the source were in the way).
 */
export async function insertChain(knex: Knex, input: CommitDrawChainInput): Promise<{ inserted: Row[]; chain: ChainRows }> {
  const { kind, source_type, source_id, rounds } = input
  const { head, seeds } = createSeedChain(rounds)
  const ids = seeds.map(() => generateEntityId(undefined, "draw"))
  const roundNumbers = seeds.map((_, r) => r)
  const result = await knex.raw(
    `INSERT INTO ${TABLE} (id, kind, source_type, source_id, round, status, commitment, seed, chain_head, chain_length)
     SELECT t.id, ?, ?, ?, t.round, 'committed', t.commitment, t.seed, ?, ?
     FROM unnest(?::text[], ?::int[], ?::text[], ?::text[]) AS t(id, round, commitment, seed)
     ON CONFLICT (source_type, source_id, round) WHERE deleted_at IS NULL DO NOTHING
     RETURNING id, round`,
    [kind, source_type, source_id, head, rounds, ids, roundNumbers, seeds.map((seed) => commitmentOf(seed)), seeds]
  )
  return {
    inserted: result.rows,
    chain: { chain: { head, length: rounds }, rounds: ids.map((draw_id, round) => ({ round, draw_id })) },
  }
}

/** What stands in the way of a chain for the source (for the refusal message). */
async function describeExisting(knex: Knex, input: CommitDrawChainInput, exclude: string[]): Promise<string> {
  const { rows } = await knex.raw(
    `SELECT kind, chain_length, count(*)::int AS n FROM ${TABLE}
     WHERE source_type = ? AND source_id = ? AND round < ? AND deleted_at IS NULL AND NOT (id = ANY(?::text[]))
     GROUP BY kind, chain_length ORDER BY n DESC`,
    [input.source_type, input.source_id, input.rounds, exclude]
  )
  const chain = rows.find((r: Row) => r.chain_length !== null)
  if (chain) return `a ${chain.chain_length}-round ${chain.kind} chain`
  return `${rows.reduce((a: number, r: Row) => a + r.n, 0)} single draw(s) in rounds 0..${input.rounds - 1}`
}

/**
 * DUPLICATE_ERROR (422): draws of the source that are not exactly the chain asked for exist (a
 * chain of another kind or length, or single draws). A draw's rules cannot change
 * after its commitment (SPEC §0.6).
 */
export async function chainConflict(knex: Knex, input: CommitDrawChainInput, inserted: Row[]): Promise<MedusaError> {
  const existing = await describeExisting(knex, input, inserted.map((r) => r.id))
  return new MedusaError(
    MedusaError.Types.DUPLICATE_ERROR,
    `${input.source_type} ${input.source_id} already has ${existing}, not a ${input.rounds}-round ${input.kind} chain`
  )
}

/** The chain already committed for the source, if it is exactly the one asked for; else DUPLICATE_ERROR. */
export async function existingChain(knex: Knex, input: CommitDrawChainInput): Promise<ChainRows> {
  const { kind, source_type, source_id, rounds } = input
  const { rows } = await knex.raw(
    `SELECT id, round, kind, chain_head, chain_length FROM ${TABLE}
     WHERE source_type = ? AND source_id = ? AND round < ? AND deleted_at IS NULL ORDER BY round`,
    [source_type, source_id, rounds]
  )
  const head: string | null = rows[0]?.chain_head ?? null
  const same =
    rows.length === rounds &&
    head !== null &&
    rows.every((r: Row, i: number) => Number(r.round) === i && r.chain_head === head && Number(r.chain_length) === rounds && r.kind === kind)
  if (!same) throw await chainConflict(knex, input, [])
  return { chain: { head, length: rounds }, rounds: rows.map((r: Row) => ({ round: Number(r.round), draw_id: r.id })) }
}

/**
 * Deletes a chain that was committed but of which no round was drawn (compensation of
 * a failed commit); a chain with a drawn round is public history and stays.
 */
export async function deleteUndrawnChain(knex: Knex, sourceType: string, sourceId: string, head: string): Promise<number> {
  const { rows } = await knex.raw(
    `DELETE FROM ${TABLE} d
     WHERE d.source_type = ? AND d.source_id = ? AND d.chain_head = ?
       AND NOT EXISTS (SELECT 1 FROM ${TABLE} x WHERE x.source_type = d.source_type AND x.source_id = d.source_id
                       AND x.chain_head = d.chain_head AND x.status = 'drawn')
     RETURNING d.id`,
    [sourceType, sourceId, head]
  )
  return rows.length
}
