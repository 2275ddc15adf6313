import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { assertCampaignBuyer } from "@fission/core/utils"
import { PRESALE_MODULE, PresaleModuleService } from "../../../modules/presale"
import { currentPrice, PRESALE_METADATA_KEY, presaleLines } from "../../../utils"
import { isOpen } from "../../hooks/cart-checks"

export type AddPresaleToCartInput = { campaign_id: string; cart_id: string; customer_id: string; client_seed?: string | null }

/**
 * Checks that the cart is the logged-in customer's own open, empty-of-pre-sale cart in the
 * campaign's currency and that the campaign is open; builds the line at the current tier
 * price (a custom price: what the cart shows is what is charged). Read-only, no compensation.
 */
export const validatePresaleCartStep = createStep(
  "fission-presale-validate-cart",
  async (input: AddPresaleToCartInput, { container }) => {
    const service = container.resolve<PresaleModuleService>(PRESALE_MODULE)
    const [campaign] = await service.listPresaleCampaigns({ id: input.campaign_id })
    if (!campaign || campaign.status === "draft") throw new MedusaError(MedusaError.Types.NOT_FOUND, `Pre-sale ${input.campaign_id} was not found`)
    if (!isOpen(campaign)) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This pre-sale is not open")
    await assertCampaignBuyer(container, { customer_id: input.customer_id })
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [cart],
    } = await query.graph({
      entity: "cart",
      fields: ["id", "customer_id", "completed_at", "currency_code", "items.id", "items.metadata"],
      filters: { id: input.cart_id },
    })
    if (!cart || (cart as any).customer_id !== input.customer_id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${input.cart_id} was not found`)
    }
    if ((cart as any).completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `cart ${cart.id} is already completed`)
    if (String((cart as any).currency_code).toLowerCase() !== campaign.currency_code) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "cart_id: the cart's currency is not the pre-sale's")
    }
    if (((cart as any).items ?? []).filter(Boolean).length) {
      const own = presaleLines((cart as any).items)
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        own.length ? `cart ${cart.id} already holds a pre-sale item; a pre-sale order holds one` : `cart ${cart.id} is not empty; a pre-sale order holds the pre-sale item only`
      )
    }
    return new StepResponse({
      cart_id: cart.id as string,
      item: {
        variant_id: campaign.variant_id,
        quantity: 1,
        unit_price: currentPrice(campaign),
        metadata: { [PRESALE_METADATA_KEY]: campaign.id, ...(input.client_seed ? { client_seed: input.client_seed } : {}) },
      },
    })
  }
)
