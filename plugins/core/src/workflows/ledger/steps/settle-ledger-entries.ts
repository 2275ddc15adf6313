import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE, LedgerModuleService, SettleInput } from "../../../modules/ledger"

export const settleLedgerEntriesStepId = "fission-settle-ledger-entries"

/**
 * Posts or voids pending entries. A settlement is final (the ledger never moves a
 * posting back to pending), so compensation reverses what this run posted and
 * leaves voids as they are; put this step last in a workflow.
 */
export const settleLedgerEntriesStep = createStep(
  settleLedgerEntriesStepId,
  async (inputs: SettleInput[], { container }) => {
    const ledger = container.resolve<LedgerModuleService>(LEDGER_MODULE)
    const results = await ledger.settle(inputs)
    const posted = results.filter((r) => !r.replayed && r.posting.status === "posted").map((r) => r.posting)
    return new StepResponse(results, posted.map((p) => ({ id: p.id, key: p.idempotency_key })))
  },
  async (posted, { container }) => {
    if (!posted?.length) return
    const ledger = container.resolve<LedgerModuleService>(LEDGER_MODULE)
    await ledger.reverse(posted.map((p) => ({ posting_id: p.id, reversal_key: `${p.key}:settle-compensation`, reason: "compensation" })))
  }
)
