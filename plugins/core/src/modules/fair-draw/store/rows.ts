import { MedusaError } from "@medusajs/framework/utils"
import { DRAW_VERSION, DrawChain, DrawVersion, MessageContext } from "../../../utils/fair-draw"
import type { FairDrawDTO } from "../types"

export const TABLE = "fair_draw"

export type Row = Record<string, any>

export function toIso(value: unknown): string | null {
  if (value === null || value === undefined) return null
  return value instanceof Date ? value.toISOString() : new Date(value as string).toISOString()
}

export function toDTO(row: Row): FairDrawDTO {
  return {
    id: row.id,
    kind: row.kind,
    source_type: row.source_type,
    source_id: row.source_id,
    round: Number(row.round),
    status: row.status,
    commitment: row.commitment,
    seed: row.seed,
    version: row.version ?? null,
    chain_head: row.chain_head ?? null,
    chain_length: row.chain_length === null || row.chain_length === undefined ? null : Number(row.chain_length),
    inputs: row.inputs ?? null,
    outcome: row.outcome ?? null,
    drawn_at: row.drawn_at ?? null,
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}

export function chainOf(draw: Pick<FairDrawDTO, "chain_head" | "chain_length">): DrawChain | null {
  return draw.chain_head ? { head: draw.chain_head, length: Number(draw.chain_length) } : null
}

/** The version a draw has (drawn) or will have (committed: the current one). */
export function versionOf(draw: Pick<FairDrawDTO, "version">): DrawVersion {
  return draw.version ?? DRAW_VERSION
}

/** What the draw's message binds besides the inputs. */
export function messageContextOf(draw: FairDrawDTO): MessageContext {
  return { version: versionOf(draw), commitment: draw.commitment, chain: chainOf(draw) }
}

export function invalid(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, message)
}
