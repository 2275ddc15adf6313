import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { postLedgerEntriesStep, transferToStoreCreditWorkflow } from "@fission/core/workflows"
import { customer, platform } from "@fission/core/utils"
import { grantCouponWorkflow } from "../../coupons"
import { completeRedemptionStep, loadMallItemForRedemptionStep, reserveRedemptionStep } from "../steps"

export type RedeemMallItemInput = { item_id: string; customer_id: string; idempotency_key: string; now: Date | string }

/**
 * Redeems a coupon or store-credit item for points (SPEC §6.5): takes stock and
 * a use of the customer's limit (conditional updates), debits the points
 * (the ledger refuses an overdraft), then grants the coupon or pays the store
 * credit. Any failure gives stock, limit and points back. A repeated
 * idempotency key returns the first redemption — checked first, so a replay is
 * answered even when that first redemption used up the stock or the limit.
 */
export const redeemMallItemWorkflow = createWorkflow(
  "fission-membership-redeem-mall-item",
  (input: RedeemMallItemInput) => {
    const loaded = loadMallItemForRedemptionStep(input)

    // nested `when` blocks are not supported: each block repeats "not a replay"
    const reserved = when("redemption-is-new", { loaded }, ({ loaded }) => !loaded.replay).then(() =>
      reserveRedemptionStep(
        transform({ input, loaded }, ({ input, loaded }) => ({
          item_id: loaded.item!.id,
          customer_id: input.customer_id,
          idempotency_key: input.idempotency_key,
          points: Number(loaded.item!.points_cost),
          kind: loaded.item!.kind,
        }))
      )
    )
    // a reservation can still turn out a replay: a request with the same key completed in between
    const isNew = (reserved: { replayed: boolean } | undefined) => !!reserved && !reserved.replayed

    when("debit-redemption-points", { reserved }, ({ reserved }) => isNew(reserved)).then(() => {
      postLedgerEntriesStep(
        transform({ reserved }, ({ reserved }) => [
          {
            idempotency_key: `points-mall:redemption:${reserved!.redemption.id}`,
            asset: "points" as const,
            amount: String(reserved!.redemption.points),
            from: customer(reserved!.redemption.customer_id),
            to: platform("points_mall"),
            reason: "points.mall_redemption",
            source_type: "mall_redemption",
            source_id: reserved!.redemption.id,
          },
        ])
      )
    })

    const coupon = when("redeem-coupon", { loaded, reserved }, ({ loaded, reserved }) => isNew(reserved) && loaded.item?.kind === "coupon").then(() =>
      grantCouponWorkflow.runAsStep({
        input: transform({ reserved, loaded }, ({ reserved, loaded }) => ({
          customer_id: reserved!.redemption.customer_id,
          template_promotion_id: loaded.item!.template_promotion_id!,
          idempotency_key: `points-mall:${reserved!.redemption.id}`,
          reason: "points_mall.redemption",
        })),
      })
    )

    when("redeem-store-credit", { loaded, reserved }, ({ loaded, reserved }) => isNew(reserved) && loaded.item?.kind === "store_credit").then(() =>
      transferToStoreCreditWorkflow.runAsStep({
        input: transform({ reserved, loaded }, ({ reserved, loaded }) => ({
          customer_id: reserved!.redemption.customer_id,
          currency_code: loaded.item!.currency_code!,
          amount: String(loaded.item!.credit_amount),
          asset: "store_credit" as const,
          from: platform("points_mall"),
          idempotency_key: `points-mall:credit:${reserved!.redemption.id}`,
          reason: "store_credit.points_mall",
          source_type: "mall_redemption",
          source_id: reserved!.redemption.id,
        })),
      })
    )

    const completed = when("complete-redemption", { reserved }, ({ reserved }) => isNew(reserved)).then(() =>
      completeRedemptionStep(
        transform({ reserved, loaded, coupon }, ({ reserved, loaded, coupon }) => ({
          id: reserved!.redemption.id,
          promotion_id: coupon?.promotion_id ?? null,
          code: coupon?.code ?? null,
          credit_amount: loaded.item!.kind === "store_credit" ? String(loaded.item!.credit_amount) : null,
          currency_code: loaded.item!.kind === "store_credit" ? loaded.item!.currency_code : null,
        }))
      )
    )

    return new WorkflowResponse(
      transform({ loaded, reserved, completed }, ({ loaded, reserved, completed }) => completed ?? reserved?.redemption ?? loaded.replay!)
    )
  }
)
