import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { isTopUpLine, TOP_UP_METADATA_KEY } from "../../../utils/wallet"
import { money } from "./validate"

export const validateTopUpCartStepId = "fission-validate-top-up-cart"

/** The largest single top-up (keeps absurd amounts out of carts and of the credit). */
export const MAX_TOP_UP = "1000000"

export type AddWalletTopUpInput = { cart_id: string; customer_id: string; amount: string | number }

/**
 * Checks that the cart is the logged-in customer's own open cart without a top-up yet, and
 * builds the custom top-up line (no product, quantity 1, price = amount, not discountable,
 * no shipping, tax inclusive so the shopper pays exactly the amount). Read-only, no
 * compensation.
 */
export const validateTopUpCartStep = createStep(validateTopUpCartStepId, async (input: AddWalletTopUpInput, { container }) => {
  const amount = money(input.amount)
  if (Number(amount) > Number(MAX_TOP_UP)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `amount must be at most ${MAX_TOP_UP}`)
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "completed_at", "currency_code", "items.id", "items.metadata"],
    filters: { id: input.cart_id },
  })
  // another customer's cart is answered like an unknown one: its id says nothing
  if (!cart || (cart as any).customer_id !== input.customer_id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${input.cart_id} was not found`)
  }
  if ((cart as any).completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `cart ${cart.id} is already completed`)
  const existing = ((cart as any).items ?? []).find((i: any) => i && isTopUpLine(i))
  if (existing) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `cart ${cart.id} already has a wallet top-up (line ${existing.id}); remove that line to top up another amount`
    )
  }
  return new StepResponse({
    cart_id: cart.id as string,
    item: {
      title: "Wallet top-up",
      quantity: 1,
      unit_price: amount,
      is_tax_inclusive: true,
      is_discountable: false,
      requires_shipping: false,
      metadata: { [TOP_UP_METADATA_KEY]: amount },
    },
  })
})
