import { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import * as models from "./models"
import { knexOf, rows } from "./sql"

export type CouponGrantRow = {
  id: string
  idempotency_key: string
  customer_id: string
  template_promotion_id: string
  promotion_id: string | null
  code: string
  reason: string
  status: "pending" | "granted"
}

/**
 * Points mall and coupons (SPEC §6.5, §6.7): catalogue, redemptions, points
 * held on cart lines, coupon grants and after-payment coupon rules. Points
 * themselves live in the @fission/core ledger; every counter here that must
 * not be exceeded under concurrency is a conditional SQL update.
 */
export default class PointsMallModuleService extends MedusaService({ ...models }) {
  /**
   * Claims `idempotency_key` for a coupon grant. Returns `created: true` with a
   * fresh pending row, or the existing row (a replay). The unique key decides
   * between concurrent claims.
   */
  @InjectTransactionManager()
  async claimCouponGrant(
    input: { idempotency_key: string; customer_id: string; template_promotion_id: string; reason: string; code: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ grant: CouponGrantRow; created: boolean }> {
    const trx = knexOf(sharedContext)
    const [inserted] = await rows<CouponGrantRow>(
      trx,
      `INSERT INTO coupon_grant (id, idempotency_key, customer_id, template_promotion_id, code, reason, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', now(), now())
       ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING
       RETURNING *`,
      [generateEntityId(undefined, "cgrt"), input.idempotency_key, input.customer_id, input.template_promotion_id, input.code, input.reason]
    )
    if (inserted) return { grant: inserted, created: true }
    const [existing] = await rows<CouponGrantRow>(
      trx,
      `SELECT * FROM coupon_grant WHERE idempotency_key = ? AND deleted_at IS NULL`,
      [input.idempotency_key]
    )
    if (existing.customer_id !== input.customer_id || existing.template_promotion_id !== input.template_promotion_id) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Idempotency key ${input.idempotency_key} was already used for another coupon grant`
      )
    }
    if (existing.status !== "granted") {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Coupon grant ${input.idempotency_key} is in progress`)
    }
    return { grant: existing, created: false }
  }

  @InjectTransactionManager()
  async markCouponGranted(id: string, promotion_id: string, @MedusaContext() sharedContext: Context = {}) {
    await knexOf(sharedContext).raw(
      `UPDATE coupon_grant SET status = 'granted', promotion_id = ?, updated_at = now() WHERE id = ?`,
      [promotion_id, id]
    )
  }

  /** Compensation of claimCouponGrant: the key becomes free again. */
  @InjectTransactionManager()
  async removeCouponGrant(id: string, @MedusaContext() sharedContext: Context = {}) {
    await knexOf(sharedContext).raw(`DELETE FROM coupon_grant WHERE id = ?`, [id])
  }
}
