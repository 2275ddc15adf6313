import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WALLET_MODULE } from "@fission/core/modules/wallet"
import { LEDGER_MODULE } from "@fission/core/modules/ledger"
import { refundWalletPaymentWorkflow, reverseLedgerEntriesWorkflow } from "@fission/core/workflows"
import { initiationVoucherKey } from "../keys"
import { BLIND_BOX_MODULE, BlindBoxModuleService } from "../../../modules/blind-box"
import { openPaymentKey } from "../keys"
import { settleBlindBoxInitiationWorkflow, settleBlindBoxOpenWorkflow } from "../workflows/settle"

const STALE_MS = 2 * 60_000

/**
 * Finishes what a crashed request left (duplicate ticks repeat nothing: every action is
 * conditional or keyed):
 * - a reservation older than 2 minutes: numbered if its wallet payment succeeded, else released;
 * - numbered opens without `settled_at`, campaigns without `rewards_paid_at`: settled again;
 * - an initiation left `initiating` for 5 minutes (its process died between steps): marked
 *   `failed` first (so it can never open), then its cash refunded and its vouchers reversed, by key.
 */
export const sweepBlindBoxesStep = createStep("fission-blind-box-sweep", async (input: { as_of: Date | string }, { container }) => {
  const as_of = new Date(input.as_of) // workflow inputs arrive serialised
  const service = container.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE)
  const wallet = container.resolve(WALLET_MODULE) as any
  const before = new Date(as_of.getTime() - STALE_MS)
  const reserved = await service.listBlindBoxOpens({ status: "reserved", created_at: { $lt: before } } as any, { take: 200 })
  let numbered = 0
  let released = 0
  for (const open of reserved) {
    const [payment] = await wallet.listWalletPayments({ idempotency_key: openPaymentKey(open.id) })
    if (payment?.status === "succeeded") {
      await service.numberOpen(open.id, payment.id)
      numbered++
    } else if (!payment || payment.status === "failed") {
      await service.releaseOpen(open.id, "the payment did not complete")
      released++
    }
  }
  const unsettled = await service.listBlindBoxOpens({ status: ["lost", "won"], settled_at: null, created_at: { $lt: new Date(as_of.getTime() - 60_000) } } as any, { take: 200 })
  for (const open of unsettled) await settleBlindBoxOpenWorkflow(container).run({ input: { open_id: open.id } })
  const unpaid = await service.listBlindBoxCampaigns({ status: ["open", "won"], rewards_paid_at: null, created_at: { $lt: new Date(as_of.getTime() - 60_000) } } as any, { take: 200 })
  for (const c of unpaid) await settleBlindBoxInitiationWorkflow(container).run({ input: { campaign_id: c.id } })
  const stuck = await service.listBlindBoxCampaigns({ status: "initiating", created_at: { $lt: new Date(as_of.getTime() - 5 * 60_000) } } as any, { take: 100 })
  let failed = 0
  for (const c of stuck) {
    if (!(await service.failInitiation(c.id, "the initiation did not complete"))) continue
    failed++
    const [payment] = await wallet.listWalletPayments({ idempotency_key: `blind_box:${c.id}:initiation` })
    if (payment?.status === "succeeded") {
      await refundWalletPaymentWorkflow(container).run({
        input: { wallet_payment_id: payment.id, idempotency_key: `${payment.id}:compensation`, reason: "blind_box.initiation_failed" },
      })
    }
    const [posting] = await (container.resolve(LEDGER_MODULE) as any).listLedgerPostings({ idempotency_key: initiationVoucherKey(c.id) })
    if (posting) {
      await reverseLedgerEntriesWorkflow(container).run({
        input: { entries: [{ idempotency_key: initiationVoucherKey(c.id), reversal_key: `${initiationVoucherKey(c.id)}:compensation` }] },
      })
    }
  }
  return new StepResponse({ numbered, released, settled: unsettled.length, rewarded: unpaid.length, failed })
})
