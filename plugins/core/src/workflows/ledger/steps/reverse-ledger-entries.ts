import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE, LedgerModuleService, ReverseInput } from "../../../modules/ledger"

export const reverseLedgerEntriesStepId = "fission-reverse-ledger-entries"

/** Reverses entries (in part or in full); compensation reverses the reversals it created. */
export const reverseLedgerEntriesStep = createStep(
  reverseLedgerEntriesStepId,
  async (inputs: ReverseInput[], { container }) => {
    const ledger = container.resolve<LedgerModuleService>(LEDGER_MODULE)
    const results = await ledger.reverse(inputs)
    const created = results.filter((r) => !r.replayed).map((r) => r.posting)
    return new StepResponse(results, created.map((p) => ({ id: p.id, key: p.idempotency_key, status: p.status })))
  },
  async (created, { container }) => {
    if (!created?.length) return
    const ledger = container.resolve<LedgerModuleService>(LEDGER_MODULE)
    for (const p of created) {
      if (p.status === "pending") await ledger.settle([{ posting_id: p.id, action: "void" }])
      else await ledger.reverse([{ posting_id: p.id, reversal_key: `${p.key}:compensation`, reason: "compensation" }])
    }
  }
)
