import { MedusaContainer } from "@medusajs/framework/types"

/** @fission/core's fair-draw module, resolved by key (we never import its service class). */
export const FAIR_DRAW_MODULE = "fission_draw"

export type PublicDraw = {
  id: string
  kind: string
  commitment: string
  seed: string | null
  inputs: any
  outcome: any
  status: string
  drawn_at: string | null
}

type FairDrawService = {
  commit(input: { kind: string; source_type: string; source_id: string; round?: number }): Promise<{ draw: PublicDraw; created: boolean }>
  execute(drawId: string, inputs: { participants?: { id: string; client_seed?: string | null }[]; params: any }): Promise<{ draw: PublicDraw; executed: boolean }>
  listFairDraws(filters: any, config?: any): Promise<any[]>
  toPublicRecord(draw: any): PublicDraw
}

export const fairDraws = (container: Pick<MedusaContainer, "resolve">) => container.resolve<FairDrawService>(FAIR_DRAW_MODULE)

/** Source types of the two draws of a group: who wins (pick) and the random red-envelope split. */
export const PICK_SOURCE = "group_draw.group"
export const SPLIT_SOURCE = "group_draw.red_envelope"

/** Public views of draws by id (commitment always; seed and outcome once drawn). */
export async function publicDraws(container: Pick<MedusaContainer, "resolve">, ids: (string | null | undefined)[]) {
  const wanted = ids.filter((id): id is string => !!id)
  if (!wanted.length) return new Map<string, PublicDraw>()
  const service = fairDraws(container)
  const rows = await service.listFairDraws({ id: wanted })
  return new Map(rows.map((row) => [row.id as string, service.toPublicRecord(row)]))
}
