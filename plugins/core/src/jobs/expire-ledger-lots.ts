import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { expireLedgerLotsWorkflow } from "../workflows/ledger"

/** Daily at 00:05: expire due lots as of the scheduled time, once cluster-wide. */
export default async function expireLedgerLotsJob(container: MedusaContainer, context?: { scheduledFor: Date }) {
  const asOf = context?.scheduledFor ?? new Date()
  await container.resolve(Modules.LOCKING).execute("fission:job:expire-ledger-lots", async () => {
    await expireLedgerLotsWorkflow(container).run({ input: { as_of: asOf } })
  })
}

export const config = { name: "fission-expire-ledger-lots", schedule: "5 0 * * *" }
