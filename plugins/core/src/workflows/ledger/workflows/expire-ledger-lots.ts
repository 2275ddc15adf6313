import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { expireLedgerLotsStep } from "../steps"

/** Expires every lot due at `as_of` (set-based, idempotent). Run by the daily job. */
export const expireLedgerLotsWorkflow = createWorkflow(
  "fission-expire-ledger-lots",
  (input: { as_of: Date | string }) => new WorkflowResponse(expireLedgerLotsStep(input))
)
