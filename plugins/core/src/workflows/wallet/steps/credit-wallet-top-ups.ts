import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NewTopUp, WALLET_MODULE, WalletModuleService, WalletTopUpRow } from "../../../modules/wallet"
import { creditStoreCreditOnce } from "../../../utils/store-credit"
import { isTopUpLine, TOP_UP_METADATA_KEY, WALLET_REFERENCES } from "../../../utils/wallet"

export const creditWalletTopUpsStepId = "fission-credit-wallet-top-ups"

type PaidLine = { id: string; variant_id?: string | null; metadata?: Record<string, unknown> | null }
export type CreditWalletTopUpsInput = {
  order_id: string
  /** The lines of `fission.order.paid`, when the event carries them: an order without top-ups is then not loaded at all. */
  lines?: PaidLine[] | null
}

async function paidTopUps(container: MedusaContainer, orderId: string): Promise<NewTopUp[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: ["id", "customer_id", "currency_code", "items.id", "items.variant_id", "items.product_id", "items.quantity", "items.detail.quantity", "items.unit_price", "items.raw_unit_price", "items.metadata"],
    filters: { id: orderId },
  })
  if (!order || !(order as any).customer_id) return []
  return ((order as any).items ?? [])
    .filter((i: any) => i && isTopUpLine(i) && !i.variant_id && !i.product_id)
    .map((i: any) => ({
      line_item_id: i.id,
      order_id: order.id,
      customer_id: (order as any).customer_id,
      currency_code: (order as any).currency_code,
      // what the line charged (`quantity` of an order line is only returned with its detail)
      amount: MathBN.mult(i.raw_unit_price?.value ?? i.unit_price, i.quantity ?? i.detail?.quantity ?? 0).toString(),
      claimed: String(i.metadata[TOP_UP_METADATA_KEY]),
    }))
    // the cart check made the charge equal to the amount in the metadata; anything else is not credited
    .filter((l: NewTopUp & { claimed: string }) => MathBN.gt(l.amount, 0) && /^\d+(\.\d+)?$/.test(l.claimed) && MathBN.eq(l.amount, l.claimed))
    .map(({ claimed, ...line }: NewTopUp & { claimed: string }) => line)
}

/**
 * Credits every paid top-up line of the order to the customer's store credit, once per
 * line: the line's record is unique (Postgres decides a redelivered event) and the credit
 * is looked up by reference under a lock before crediting, so a crash in between is
 * finished by the next delivery without a second credit. No compensation: the shopper
 * paid for this credit; a failure leaves the line pending for the next delivery.
 */
export const creditWalletTopUpsStep = createStep(creditWalletTopUpsStepId, async (input: CreditWalletTopUpsInput, { container }) => {
  // the event's lines are trusted to rule top-ups out only when each carries its metadata
  const described = Array.isArray(input.lines) && input.lines.every((l) => l && typeof l === "object" && "metadata" in l)
  if (described && !input.lines!.some((l) => isTopUpLine(l))) return new StepResponse<WalletTopUpRow[]>([])
  const lines = await paidTopUps(container, input.order_id)
  if (!lines.length) return new StepResponse<WalletTopUpRow[]>([])
  const service = container.resolve<WalletModuleService>(WALLET_MODULE)
  const out: WalletTopUpRow[] = []
  for (const topUp of await service.recordTopUps(lines)) {
    if (topUp.status === "credited") {
      out.push(topUp)
      continue
    }
    const { transaction } = await creditStoreCreditOnce(container, {
      customer_id: topUp.customer_id,
      currency_code: topUp.currency_code,
      amount: topUp.amount,
      reference: WALLET_REFERENCES.top_up,
      reference_id: topUp.id,
      note: `Wallet top-up, order ${topUp.order_id}`,
    })
    out.push((await service.markTopUpCredited(topUp.id, transaction.id))!)
  }
  return new StepResponse(out)
})
