import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { LEDGER_MODULE, LedgerModuleService } from "@fission/core/modules/ledger"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../modules/membership"
import { localDate, releaseShoppingFund, shoppingFundReleaseKey } from "../utils"

const BATCH = 200

/**
 * Daily (00:30): releases `shopping_fund_daily_release_rate` of every customer's
 * posted shopping fund to store credit (SPEC §6.6). The key carries the local
 * date of the scheduled time, so a repeated or duplicate run of a day releases
 * nothing more; a customer whose release fails is retried by the next run.
 */
export default async function releaseShoppingFundJob(container: MedusaContainer, context?: { scheduledFor: Date }) {
  const asOf = context?.scheduledFor ? new Date(context.scheduledFor) : new Date()
  const settings = await container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).retrieveSettings()
  const rate = String(settings.shopping_fund_daily_release_rate ?? 0)
  if (!(Number(rate) > 0)) return
  const date = localDate(asOf, settings.time_zone)
  const ledger = container.resolve<LedgerModuleService>(LEDGER_MODULE)
  const logger = container.resolve("logger")
  await container.resolve(Modules.LOCKING).execute("fission:job:membership-release-shopping-fund", async () => {
    const done = new Set<string>()
    for (let skip = 0; ; skip += BATCH) {
      const accounts = await ledger.listLedgerAccounts(
        { owner_type: "customer", asset: "shopping_fund", purpose: "main" },
        { take: BATCH, skip, order: { id: "ASC" }, select: ["id", "owner_id", "posted", "pending_out"] }
      )
      for (const account of accounts) {
        if (done.has(account.owner_id) || !(Number(account.posted) > 0)) continue
        done.add(account.owner_id)
        await releaseShoppingFund(container, {
          customer_id: account.owner_id,
          rate,
          idempotency_key: (currency) => shoppingFundReleaseKey(account.owner_id, date, currency),
          reason: "shopping_fund.daily_release",
          source_type: "shopping_fund_release",
          source_id: date,
        }).catch((e) => logger.warn(`shopping fund release of ${account.owner_id} failed: ${e?.message ?? e}`))
      }
      if (accounts.length < BATCH) return
    }
  })
}

export const config = { name: "fission-membership-release-shopping-fund", schedule: "30 0 * * *" }
