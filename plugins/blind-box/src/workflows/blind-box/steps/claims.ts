import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createOrderWorkflow, createReservationsWorkflow } from "@medusajs/medusa/core-flows"
import { postLedgerEntriesWorkflow } from "@fission/core/workflows"
import { customer, fromMinor, platform, toMinor } from "@fission/core/utils"
import { BLIND_BOX_MODULE, BlindBoxModuleService } from "../../../modules/blind-box"
import { claimVoucherKey } from "../keys"

export type ClaimInput = {
  campaign_id: string
  customer_id: string
  choice: "product" | "vouchers"
  shipping_address?: Record<string, any> | null
  sales_channel_id?: string | null
}

/** The one claim, taken by a conditional update (winner only, once). Compensation: given back if the delivery failed. */
export const takeClaimStep = createStep(
  "fission-blind-box-take-claim",
  async (input: ClaimInput, { container }) => {
    const service = container.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE)
    const [c] = await service.listBlindBoxCampaigns({ id: input.campaign_id })
    if (!c) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Blind box with id: ${input.campaign_id} was not found`)
    if (c.status !== "won") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `blind box ${c.id} is ${c.status}; only a won prize can be claimed`)
    if (c.winner_id !== input.customer_id) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `only the winner of blind box ${c.id} can claim its prize`)
    if (input.choice === "vouchers" && (c.winner_vouchers === null || toMinor(c.winner_vouchers) <= 0n)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `choice: blind box ${c.id} offers no vouchers instead of the product`)
    }
    if (input.choice === "product" && !input.shipping_address) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "shipping_address is required to claim the product")
    }
    const taken = await service.takeClaim(c.id, input.customer_id, input.choice)
    if (!taken) {
      const [now] = await service.listBlindBoxCampaigns({ id: c.id })
      throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `the prize of blind box ${c.id} was already claimed (${now?.claim})`)
    }
    return new StepResponse(taken, { id: c.id, choice: input.choice })
  },
  async (undo, { container }) => {
    if (undo) await container.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE).undoClaim(undo.id, undo.choice)
  }
)

/** Where a zero-price prize order ships from and how: the sales channel's first location, the first shipping option. */
async function fulfilmentContext(container: any, sales_channel_id: string | null | undefined, variant_id: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "title", "manage_inventory", "product.title", "inventory_items.inventory_item_id", "inventory_items.required_quantity"],
    filters: { id: variant_id },
  })
  let location_id: string | null = null
  if (sales_channel_id) {
    const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id", "stock_locations.id"], filters: { id: sales_channel_id } })
    location_id = channels[0]?.stock_locations?.[0]?.id ?? null
  }
  const options = await container.resolve(Modules.FULFILLMENT).listShippingOptions({}, { take: 20 })
  const option = options.find((o: any) => !o.rules?.some?.((r: any) => r.attribute === "is_return" && r.value === "true")) ?? options[0]
  return { variant: variants[0], location_id, option }
}

/**
 * Delivers the claim: the vouchers (posted, keyed by the campaign), or a zero-price Medusa
 * order of the prize variant to the winner's address, with a free shipping method and an
 * inventory reservation so it is fulfilled as usual. No compensation for the vouchers (the
 * last effect, idempotent); a failed order leaves nothing and the claim is given back.
 */
export const deliverClaimStep = createStep(
  "fission-blind-box-deliver-claim",
  async ({ campaign, input }: { campaign: Record<string, any>; input: ClaimInput }, { container }) => {
    const service = container.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE)
    if (input.choice === "vouchers") {
      await postLedgerEntriesWorkflow(container).run({
        input: {
          entries: [
            {
              idempotency_key: claimVoucherKey(campaign.id),
              asset: "voucher",
              amount: fromMinor(toMinor(campaign.winner_vouchers)),
              from: platform("blind_box_vouchers"),
              to: customer(campaign.winner_id),
              reason: "blind_box.prize_vouchers",
              source_type: "blind_box.campaign",
              source_id: campaign.id,
            },
          ],
        },
      })
      return new StepResponse({ order_id: null as string | null })
    }
    const [shopper] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: campaign.winner_id }, { select: ["id", "email"] })
    const [region] = await container.resolve(Modules.REGION).listRegions({ currency_code: campaign.currency_code }, { take: 1 })
    if (!region) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `no region sells in ${campaign.currency_code}; the prize cannot be shipped`)
    const { variant, location_id, option } = await fulfilmentContext(container, input.sales_channel_id, campaign.variant_id)
    if (!variant) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `the prize variant ${campaign.variant_id} no longer exists`)
    const { result: order } = await createOrderWorkflow(container).run({
      input: {
        region_id: region.id,
        customer_id: campaign.winner_id,
        email: shopper?.email,
        currency_code: campaign.currency_code,
        sales_channel_id: input.sales_channel_id ?? undefined,
        shipping_address: input.shipping_address as any,
        billing_address: input.shipping_address as any,
        status: "pending",
        items: [
          {
            variant_id: campaign.variant_id,
            quantity: 1,
            unit_price: 0,
            title: variant.product?.title ?? variant.title ?? "Blind-box prize",
            metadata: { blind_box_campaign_id: campaign.id },
          } as any,
        ],
        shipping_methods: option ? [{ name: option.name, amount: 0, shipping_option_id: option.id } as any] : undefined,
        metadata: { blind_box_campaign_id: campaign.id, blind_box_prize: true },
      } as any,
    })
    const line = (order as any).items?.[0]
    if (variant.manage_inventory && location_id && line) {
      await createReservationsWorkflow(container).run({
        input: {
          reservations: (variant.inventory_items ?? []).map((i: any) => ({
            inventory_item_id: i.inventory_item_id,
            location_id,
            quantity: Number(i.required_quantity ?? 1),
            line_item_id: line.id,
          })),
        },
      })
    }
    await service.updateBlindBoxCampaigns({ id: campaign.id, claim_order_id: order.id })
    return new StepResponse({ order_id: order.id as string })
  }
)
