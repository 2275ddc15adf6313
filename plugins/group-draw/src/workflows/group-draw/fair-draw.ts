import type { FairDrawPublicRecord } from "@fission/core/workflows"

// Group-draw's draws go through @fission/core's typed fair-draw client
// (`commitDraw`, `drawPick`, `drawSplit`, `getPublicDraws` from "@fission/core/workflows").

/** A draw as the public endpoint shows it (commitment always; seed, outcome and digest once drawn). */
export type PublicDraw = FairDrawPublicRecord

/** Source types of the two draws of a group: who wins (pick) and the random red-envelope split. */
export const PICK_SOURCE = "group_draw.group"
export const SPLIT_SOURCE = "group_draw.red_envelope"

/** The digest of a drawn record (v2), told to members with their result; null before the draw. */
export const digestOf = (draw: PublicDraw | null | undefined): string | null =>
  draw?.outcome && "digest" in draw.outcome && typeof draw.outcome.digest === "string" ? draw.outcome.digest : null

export { getPublicDraws as publicDraws } from "@fission/core/workflows"
