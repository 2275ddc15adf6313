import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE, LedgerModuleService, PostingInput } from "../../../modules/ledger"

export const postLedgerEntriesStepId = "fission-post-ledger-entries"

/**
 * Posts (or holds) a batch of entries atomically. Compensation undoes only what
 * this run created — never a replayed posting — with new postings: pending ones
 * are voided, posted ones reversed.
 */
export const postLedgerEntriesStep = createStep(
  postLedgerEntriesStepId,
  async (entries: PostingInput[], { container }) => {
    const ledger = container.resolve<LedgerModuleService>(LEDGER_MODULE)
    const results = await ledger.post(entries)
    const created = results.filter((r) => !r.replayed).map((r) => r.posting)
    return new StepResponse(results, created.map((p) => ({ id: p.id, key: p.idempotency_key, status: p.status })))
  },
  async (created, { container }) => {
    if (!created?.length) return
    const ledger = container.resolve<LedgerModuleService>(LEDGER_MODULE)
    const pending = created.filter((p) => p.status === "pending")
    const posted = created.filter((p) => p.status === "posted")
    if (pending.length) await ledger.settle(pending.map((p) => ({ posting_id: p.id, action: "void" as const })))
    if (posted.length) {
      await ledger.reverse(
        posted.map((p) => ({ posting_id: p.id, reversal_key: `${p.key}:compensation`, reason: "compensation" }))
      )
    }
  }
)
