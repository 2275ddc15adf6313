import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import {
  canonicalMessage,
  commitmentOf,
  DRAW_KINDS,
  DRAW_VERSION,
  DrawInputError,
  DrawInputs,
  DrawKind,
  DrawOutcome,
  generateSeed,
  runDraw,
} from "../../utils/fair-draw"
import { FairDraw } from "./models"
import type {
  CommitDrawInput,
  CommitDrawResult,
  ExecuteDrawInputs,
  ExecuteDrawResult,
  FairDrawDTO,
  FairDrawPublicRecord,
} from "./types"

const TABLE = "fair_draw"

type Row = Record<string, any>

function toIso(value: unknown): string | null {
  if (value === null || value === undefined) return null
  return value instanceof Date ? value.toISOString() : new Date(value as string).toISOString()
}

function toDTO(row: Row): FairDrawDTO {
  return {
    id: row.id,
    kind: row.kind,
    source_type: row.source_type,
    source_id: row.source_id,
    round: Number(row.round),
    status: row.status,
    commitment: row.commitment,
    seed: row.seed,
    inputs: row.inputs ?? null,
    outcome: row.outcome ?? null,
    drawn_at: row.drawn_at ?? null,
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}

function invalid(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

/**
 * Fair draws (SPEC §0.5): commit a secret seed, later execute the draw on
 * frozen public inputs and reveal the seed. Both operations are decided in
 * Postgres (unique index + `ON CONFLICT`, row lock `FOR UPDATE`) so concurrent
 * callers on several instances agree on one commitment and one outcome.
 */
export default class FairDrawModuleService extends MedusaService({ FairDraw }) {
  /**
   * Create the draw of (source_type, source_id, round) with a fresh seed, or
   * return the existing one (same commitment). The seed is not returned.
   */
  @InjectManager()
  async commit(input: CommitDrawInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<CommitDrawResult> {
    const { row, created } = await this.commit_(input, sharedContext)
    return { draw: this.toPublicRecord(toDTO(row)), created }
  }

  @InjectTransactionManager()
  protected async commit_(
    input: CommitDrawInput,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ row: Row; created: boolean }> {
    const { kind, source_type, source_id } = input
    const round = input.round ?? 0
    if (!(DRAW_KINDS as readonly string[]).includes(kind)) {
      throw invalid(`kind must be one of ${DRAW_KINDS.join(", ")}, got ${JSON.stringify(kind)}`)
    }
    if (typeof source_type !== "string" || !source_type) throw invalid("source_type must be a non-empty string")
    if (typeof source_id !== "string" || !source_id) throw invalid("source_id must be a non-empty string")
    if (!Number.isSafeInteger(round) || round < 0 || round > 2 ** 31 - 1) {
      throw invalid(`round must be a non-negative integer, got ${JSON.stringify(input.round)}`)
    }

    const knex = this.knex_(sharedContext)
    const seed = generateSeed()
    // The partial unique index decides races: a concurrent insert of the same
    // source waits for the other transaction and then does nothing.
    const inserted = await knex.raw(
      `INSERT INTO ${TABLE} (id, kind, source_type, source_id, round, status, commitment, seed)
       VALUES (?, ?, ?, ?, ?, 'committed', ?, ?)
       ON CONFLICT (source_type, source_id, round) WHERE deleted_at IS NULL DO NOTHING
       RETURNING *`,
      [generateEntityId(undefined, "draw"), kind, source_type, source_id, round, commitmentOf(seed), seed]
    )
    if (inserted.rows.length) {
      return { row: inserted.rows[0], created: true }
    }
    const existing = await knex.raw(
      `SELECT * FROM ${TABLE} WHERE source_type = ? AND source_id = ? AND round = ? AND deleted_at IS NULL`,
      [source_type, source_id, round]
    )
    const row = existing.rows[0]
    if (!row) {
      // Only possible if the conflicting row was deleted in between; the caller may retry.
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `draw for ${source_type} ${source_id} round ${round} is being changed, retry`)
    }
    if (row.kind !== kind) {
      // A draw's rules cannot change after its commitment (SPEC §0.6).
      throw new MedusaError(
        MedusaError.Types.DUPLICATE_ERROR,
        `draw ${row.id} for ${source_type} ${source_id} round ${round} is already committed with kind ${row.kind}`
      )
    }
    return { row, created: false }
  }

  /**
   * Run the draw on `inputs`, store inputs + outcome and reveal the seed.
   * Idempotent: re-running with canonically equal inputs returns the stored
   * result unchanged; different inputs → DUPLICATE_ERROR (422). Invalid inputs → INVALID_DATA.
   */
  @InjectManager()
  async execute(
    drawId: string,
    inputs: ExecuteDrawInputs,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<ExecuteDrawResult> {
    const { row, executed } = await this.execute_(drawId, inputs, sharedContext)
    return { draw: this.toPublicRecord(toDTO(row)), executed }
  }

  @InjectTransactionManager()
  protected async execute_(
    drawId: string,
    rawInputs: ExecuteDrawInputs,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ row: Row; executed: boolean }> {
    const knex = this.knex_(sharedContext)
    // The row lock serializes concurrent executions: the first one draws, the
    // others wait, then see status "drawn" and compare inputs.
    const locked = await knex.raw(`SELECT * FROM ${TABLE} WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [drawId])
    const row: Row | undefined = locked.rows[0]
    if (!row) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Fair draw with id: ${drawId} was not found`)
    }
    const kind = row.kind as DrawKind
    const inputs = this.bindInputs(row, rawInputs)
    let message: string
    try {
      message = canonicalMessage(kind, inputs)
    } catch (e) {
      if (e instanceof DrawInputError) throw invalid(`invalid draw inputs: ${e.message}`)
      throw e
    }

    if (row.status === "drawn") {
      if (canonicalMessage(kind, row.inputs) === message) {
        return { row, executed: false }
      }
      throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `draw ${drawId} already executed with different inputs`)
    }

    const outcome: DrawOutcome = runDraw(kind, row.seed, inputs)
    const updated = await knex.raw(
      `UPDATE ${TABLE}
       SET status = 'drawn', inputs = ?::jsonb, outcome = ?::jsonb, drawn_at = now(), updated_at = now()
       WHERE id = ? AND status = 'committed'
       RETURNING *`,
      [JSON.stringify(inputs), JSON.stringify(outcome), drawId]
    )
    return { row: updated.rows[0], executed: true }
  }

  /**
   * Delete a draw that was committed but never executed (compensation of a
   * failed commit). A drawn record is public history and is never deleted.
   * Returns whether a row was deleted.
   */
  @InjectTransactionManager()
  async discardCommitted(drawId: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<boolean> {
    const deleted = await this.knex_(sharedContext).raw(
      `DELETE FROM ${TABLE} WHERE id = ? AND status = 'committed' RETURNING id`,
      [drawId]
    )
    return deleted.rows.length > 0
  }

  /**
   * The public record: exactly what `verifyDraw` / `npx fission-verify` accept.
   * The seed (and inputs/outcome) appear only once the draw has been executed.
   */
  toPublicRecord(draw: FairDrawDTO): FairDrawPublicRecord {
    const drawn = draw.status === "drawn"
    return {
      id: draw.id,
      version: DRAW_VERSION,
      kind: draw.kind,
      commitment: draw.commitment,
      seed: drawn ? draw.seed : null,
      inputs: drawn ? draw.inputs : null,
      outcome: drawn ? draw.outcome : null,
      status: draw.status,
      source_type: draw.source_type,
      source_id: draw.source_id,
      round: Number(draw.round),
      drawn_at: drawn ? toIso(draw.drawn_at) : null,
    }
  }

  /**
   * Bind the inputs to the committed draw: `campaign_id` is the draw's
   * source_id and `round` its round. Letting a caller pick them at draw time
   * would let whoever knows the seed try values until the outcome suits them.
   */
  protected bindInputs(row: Row, raw: ExecuteDrawInputs): DrawInputs {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      throw invalid("invalid draw inputs: inputs must be an object")
    }
    if (raw.campaign_id !== undefined && raw.campaign_id !== row.source_id) {
      throw invalid(`invalid draw inputs: inputs.campaign_id must equal the draw's source_id (${row.source_id})`)
    }
    if (raw.round !== undefined && raw.round !== Number(row.round)) {
      throw invalid(`invalid draw inputs: inputs.round must equal the draw's round (${row.round})`)
    }
    // JSON round-trip: drops undefined values and freezes exactly what is stored.
    return JSON.parse(JSON.stringify({ ...raw, campaign_id: row.source_id, round: Number(row.round) }))
  }

  protected knex_(sharedContext: Context<EntityManager>) {
    const trx = sharedContext.transactionManager?.getTransactionContext()
    if (!trx) {
      // A lock outside a transaction would be released at once.
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "fair draw writes need a transaction")
    }
    return trx
  }
}
