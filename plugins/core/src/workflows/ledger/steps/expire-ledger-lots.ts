import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE, LedgerModuleService } from "../../../modules/ledger"

/** Posts `expired` entries for every due lot. Idempotent; expiry has no undo (a later refund re-fills lots instead). */
export const expireLedgerLotsStep = createStep(
  "fission-expire-ledger-lots",
  async ({ as_of }: { as_of: Date | string }, { container }) => {
    const ledger = container.resolve<LedgerModuleService>(LEDGER_MODULE)
    return new StepResponse({ expired: await ledger.expireLots({ as_of: new Date(as_of) }) })
  }
)
