import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { postLedgerEntriesWorkflow } from "@fission/core/workflows"
import { customer, fromMinor, platform, toMinor } from "@fission/core/utils"
import { BLIND_BOX_MODULE, BlindBoxModuleService } from "../../../modules/blind-box"
import { seedGiftKey } from "../keys"

/**
 * Gives a registered customer the seed-user gift of every active template that still has
 * slots (SPEC §7.1: the first 1,000 registered customers get 100 vouchers). The slot is taken
 * in Postgres (modules/blind-box/seed-gifts.ts), then the vouchers are posted with a key per
 * template and customer, so a redelivered `customer.created` gives nothing twice.
 * No compensation: a slot whose posting failed keeps its row without `posted_at` and the
 * next delivery (or the sweep) posts it.
 */
export const giveSeedGiftsStep = createStep(
  "fission-blind-box-give-seed-gifts",
  async ({ customer_id }: { customer_id: string }, { container }) => {
    const [c] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: customer_id }, { select: ["id", "has_account"] })
    if (!c?.has_account) return new StepResponse({ gifts: [] as string[] })
    const service = container.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE)
    const templates = await service.listBlindBoxTemplates({ status: "active" }, { select: ["id", "seed_gift_limit", "seed_gifts_given"] })
    const gifts: string[] = []
    for (const t of templates) {
      if (!t.seed_gift_limit) continue
      const { gift } = await service.takeSeedGift(t.id, customer_id)
      if (!gift || gift.posted_at) continue
      await postLedgerEntriesWorkflow(container).run({
        input: {
          entries: [
            {
              idempotency_key: seedGiftKey(t.id, customer_id),
              asset: "voucher",
              amount: fromMinor(toMinor(gift.amount)),
              from: platform("blind_box_vouchers"),
              to: customer(customer_id),
              reason: "blind_box.seed_gift",
              source_type: "blind_box.template",
              source_id: t.id,
            },
          ],
        },
      })
      await service.markOnce("blind_box_seed_gift", gift.id, "posted_at")
      gifts.push(gift.id)
    }
    return new StepResponse({ gifts })
  }
)
