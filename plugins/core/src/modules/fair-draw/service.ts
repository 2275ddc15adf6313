import type { Context } from "@medusajs/framework/types"
import type { EntityManager, Knex } from "@medusajs/framework/mikro-orm/knex"
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
  generateSeed,
  MAX_CHAIN_LENGTH,
  runDraw,
} from "../../utils/fair-draw"
import { FairDraw } from "./models"
import { chainConflict, deleteUndrawnChain, existingChain, insertChain } from "./store/chain"
import { chainOf, invalid, messageContextOf, Row, TABLE, toDTO, toIso, versionOf } from "./store/rows"
import type {
  CommitDrawChainInput,
  CommitDrawChainResult,
  CommitDrawInput,
  CommitDrawResult,
  ExecuteDrawInputs,
  ExecuteDrawOptions,
  ExecuteDrawResult,
  FairDrawDTO,
  FairDrawPublicRecord,
} from "./types"

function checkSource(kind: unknown, source_type: unknown, source_id: unknown): void {
  if (!(DRAW_KINDS as readonly unknown[]).includes(kind)) {
    throw invalid(`kind must be one of ${DRAW_KINDS.join(", ")}, got ${JSON.stringify(kind)}`)
  }
  if (typeof source_type !== "string" || !source_type) throw invalid("source_type must be a non-empty string")
  if (typeof source_id !== "string" || !source_id) throw invalid("source_id must be a non-empty string")
}

/**
 * Fair draws (SPEC §0.5): commit a secret seed (or a chain of seeds for many rounds),
 * later execute the draw on frozen public inputs and reveal the seed. Every operation
 * is decided in Postgres (unique index + `ON CONFLICT`, row lock `FOR UPDATE`) so
 * concurrent callers on several instances agree on one commitment and one outcome.
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
    checkSource(kind, source_type, source_id)
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
   * Commit rounds 0..rounds-1 of a source at once with a seed chain (see
   * utils/fair-draw/chain.ts): one public `chain.head` stands for every round, each
   * round is verifiable as soon as it is drawn, later rounds stay unpredictable.
   * Idempotent: the same source, kind and length return the existing chain.
   */
  @InjectManager()
  async commitChain(
    input: CommitDrawChainInput,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<CommitDrawChainResult> {
    return await this.commitChain_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async commitChain_(
    input: CommitDrawChainInput,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<CommitDrawChainResult> {
    const { kind, source_type, source_id, rounds } = input
    checkSource(kind, source_type, source_id)
    if (!Number.isSafeInteger(rounds) || rounds < 1 || rounds > MAX_CHAIN_LENGTH) {
      throw invalid(`rounds must be an integer in 1..${MAX_CHAIN_LENGTH}, got ${JSON.stringify(rounds)}`)
    }
    const knex = this.knex_(sharedContext)
    const { inserted, chain } = await insertChain(knex, input)
    if (inserted.length === rounds) {
      return { kind, source_type, source_id, ...chain, created: true }
    }
    // Some rounds existed already (single draws or a shorter chain): throwing rolls the
    // inserted ones back.
    if (inserted.length > 0) throw await chainConflict(knex, input, inserted)
    return { kind, source_type, source_id, ...(await existingChain(knex, input)), created: false }
  }

  /** Compensation of a failed chain commit: deletes it unless a round was drawn. */
  @InjectTransactionManager()
  async discardCommittedChain(
    input: { source_type: string; source_id: string; head: string },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<number> {
    return await deleteUndrawnChain(this.knex_(sharedContext), input.source_type, input.source_id, input.head)
  }

  /**
   * Run the draw on `inputs`, store inputs + outcome (with the digest of the inputs)
   * and reveal the seed. Idempotent: re-running with canonically equal inputs returns
   * the stored result unchanged; different inputs → DUPLICATE_ERROR (422). Invalid inputs, or a
   * `kind` other than the committed one → INVALID_DATA. A chain round before the
   * previous round is drawn → NOT_ALLOWED.
   */
  @InjectManager()
  async execute(
    drawId: string,
    inputs: ExecuteDrawInputs,
    options: ExecuteDrawOptions = {},
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<ExecuteDrawResult> {
    const { row, executed } = await this.execute_(drawId, inputs, options, sharedContext)
    return { draw: this.toPublicRecord(toDTO(row)), executed }
  }

  @InjectTransactionManager()
  protected async execute_(
    drawId: string,
    rawInputs: ExecuteDrawInputs,
    options: ExecuteDrawOptions,
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
    const draw = toDTO(row)
    const kind = draw.kind as DrawKind
    if (options.kind !== undefined && options.kind !== kind) {
      throw invalid(`draw ${drawId} is a ${kind} draw, not a ${options.kind} draw`)
    }
    const inputs = this.bindInputs(row, rawInputs)
    const context = messageContextOf(draw)
    let message: string
    try {
      message = canonicalMessage(kind, inputs, context)
    } catch (e) {
      if (e instanceof DrawInputError) throw invalid(`invalid draw inputs: ${e.message}`)
      throw e
    }

    if (draw.status === "drawn") {
      if (canonicalMessage(kind, draw.inputs, context) === message) {
        return { row, executed: false }
      }
      throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `draw ${drawId} already executed with different inputs`)
    }
    if (draw.chain_head && draw.round > 0) await this.assertPreviousRoundDrawn(knex, draw)

    const outcome = runDraw(kind, draw.seed, inputs, { version: DRAW_VERSION, chain: chainOf(draw) })
    const updated = await knex.raw(
      `UPDATE ${TABLE}
       SET status = 'drawn', version = ?, inputs = ?::jsonb, outcome = ?::jsonb, drawn_at = now(), updated_at = now()
       WHERE id = ? AND status = 'committed'
       RETURNING *`,
      [DRAW_VERSION, JSON.stringify(inputs), JSON.stringify(outcome), drawId]
    )
    return { row: updated.rows[0], executed: true }
  }

  /**
   * The outcome `inputs` would give, computed from the still-secret seed, without storing
   * anything or revealing the seed (server-side only, never served). For a draw whose
   * inputs are all fixed when it is committed (a blind box's prize position: campaign id,
   * round, the initiator's client seed, the bounds), the campaign must act on the outcome
   * before it may be revealed: executing the same inputs later stores and reveals exactly
   * this outcome, so the public record proves the position was fixed at commitment.
   * A draw already executed returns its stored outcome when the inputs are equal.
   */
  @InjectManager()
  async sealedOutcome(
    drawId: string,
    rawInputs: ExecuteDrawInputs,
    options: ExecuteDrawOptions = {},
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Record<string, unknown>> {
    const manager = sharedContext.manager as any
    const knex = sharedContext.transactionManager?.getTransactionContext() ?? manager?.getKnex()
    const { rows } = await knex.raw(`SELECT * FROM ${TABLE} WHERE id = ? AND deleted_at IS NULL`, [drawId])
    const row: Row | undefined = rows[0]
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Fair draw with id: ${drawId} was not found`)
    const draw = toDTO(row)
    const kind = draw.kind as DrawKind
    if (options.kind !== undefined && options.kind !== kind) {
      throw invalid(`draw ${drawId} is a ${kind} draw, not a ${options.kind} draw`)
    }
    const inputs = this.bindInputs(row, rawInputs)
    const context = messageContextOf(draw)
    try {
      canonicalMessage(kind, inputs, context)
    } catch (e) {
      if (e instanceof DrawInputError) throw invalid(`invalid draw inputs: ${e.message}`)
      throw e
    }
    if (draw.status === "drawn") {
      if (canonicalMessage(kind, draw.inputs, context) === canonicalMessage(kind, inputs, context)) {
        return draw.outcome as unknown as Record<string, unknown>
      }
      throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `draw ${drawId} already executed with different inputs`)
    }
    return runDraw(kind, draw.seed, inputs, { version: DRAW_VERSION, chain: chainOf(draw) }) as unknown as Record<string, unknown>
  }

  /**
   * Round r of a chain reveals s_r, and hashing it gives every earlier seed: drawing it
   * before round r-1 would make round r-1 predictable. The previous round's commit is
   * read in this transaction; a concurrent draw of it that has not committed yet counts
   * as not drawn (the safe side: the caller retries).
   */
  protected async assertPreviousRoundDrawn(knex: Knex, draw: FairDrawDTO): Promise<void> {
    const { rows } = await knex.raw(
      `SELECT status FROM ${TABLE} WHERE source_type = ? AND source_id = ? AND round = ? AND chain_head = ? AND deleted_at IS NULL`,
      [draw.source_type, draw.source_id, draw.round - 1, draw.chain_head]
    )
    if (rows[0]?.status !== "drawn") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `round ${draw.round} of the ${draw.source_type} ${draw.source_id} chain cannot be drawn before round ${draw.round - 1}: ` +
          "its seed would reveal the earlier rounds' seeds"
      )
    }
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
   * The seed (and inputs/outcome) appear only once the draw has been executed;
   * a committed chain round > 0 hides its commitment, which is the previous
   * round's seed.
   */
  toPublicRecord(draw: FairDrawDTO): FairDrawPublicRecord {
    const drawn = draw.status === "drawn"
    const chain = chainOf(draw)
    return {
      id: draw.id,
      version: versionOf(draw),
      kind: draw.kind,
      commitment: drawn || !chain || Number(draw.round) === 0 ? draw.commitment : null,
      chain,
      seed: drawn ? draw.seed : null,
      inputs: drawn ? (draw.inputs as DrawInputs) : null,
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
