import { verifyDraw, VerifyResult } from "../../../../utils/fair-draw"
import type { FairDrawPublicRecord } from "../../../../modules/fair-draw/types"

export type AdminFairDraw = FairDrawPublicRecord & {
  created_at: string
  /** Result of `verifyDraw` on the public record once drawn; null while committed. */
  verification: VerifyResult | null
}

/** What admins see: the public record (no seed before the draw) plus its verification. */
export function toAdminRecord(publicRecord: FairDrawPublicRecord, createdAt: Date | string): AdminFairDraw {
  return {
    ...publicRecord,
    created_at: new Date(createdAt).toISOString(),
    verification: publicRecord.status === "drawn" ? verifyDraw(publicRecord) : null,
  }
}
