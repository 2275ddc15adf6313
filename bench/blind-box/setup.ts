// Prepares the blind-box benchmark (run as `medusa exec bench/blind-box/setup.ts` after
// bench/lib/setup-store.ts): every bench shopper gets store credit, vouchers and an age
// confirmation; two templates: "hot" (1,000 boxes, the prize at the 1,000th open, so one
// campaign takes 1,000 opens) and the SPEC §7.1 template (24 boxes, first 6 never win).
// Writes { hot_template_id, spec_template_id } to BENCH_OUT.
import fs from "node:fs"
import { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { postLedgerEntriesWorkflow } from "@fission/core/workflows"
import { customer, platform } from "@fission/core/utils"
import { saveBlindBoxTemplateWorkflow } from "@fission/blind-box/workflows"

export default async function setupBlindBoxBench({ container }: ExecArgs) {
  const shoppers = await container.resolve(Modules.CUSTOMER).listCustomers({ email: { $like: "%@bench.fission.test" } } as any, { take: 100_000, select: ["id"] })
  const storeCredit: any = container.resolve("store_credit")
  const blindBox: any = container.resolve("fission_blind_box")
  const accounts = await storeCredit.createStoreCreditAccounts(shoppers.map((s) => ({ customer_id: s.id, currency_code: "cny" })))
  await storeCredit.creditAccounts(accounts.map((a: any) => ({ account_id: a.id, amount: 100_000, reference: "bench", reference_id: a.customer_id })))
  await blindBox.createBlindBoxAgeConfirmations(
    shoppers.map((s) => ({ customer_id: s.id, age: 30, guardian_consent: false, min_age: 8, guardian_consent_below_age: 18 }))
  )
  for (let i = 0; i < shoppers.length; i += 200) {
    await postLedgerEntriesWorkflow(container).run({
      input: {
        entries: shoppers.slice(i, i + 200).map((s) => ({
          idempotency_key: `bench:vouchers:${s.id}`,
          asset: "voucher" as const,
          amount: "10000",
          from: platform("adjustments"),
          to: customer(s.id),
          reason: "bench.vouchers",
          source_type: "bench",
          source_id: s.id,
        })),
      },
    })
  }
  console.log(`[bench] ${shoppers.length} shoppers funded (store credit, vouchers, age confirmation)`)
  const [product] = await container.resolve(Modules.PRODUCT).listProducts({ handle: "tea-gift-box" }, { relations: ["variants"] })
  const common = {
    status: "active",
    variant_id: product.variants[0].id,
    currency_code: "cny",
    prize_value: "99",
    initiation_cash: "30",
    initiation_vouchers: "69",
    open_price: "5",
    initiator_share: "4.5",
    consolation_vouchers: "99",
    referrer_reward_initiation: "4",
    leader_reward_initiation: "6",
    referrer_reward_open: "0.5",
  }
  const { result: hot } = await saveBlindBoxTemplateWorkflow(container).run({
    input: { data: { ...common, title: "bench hot", boxes: 1000, no_win_opens: 999 } },
  })
  const { result: spec } = await saveBlindBoxTemplateWorkflow(container).run({
    input: { data: { ...common, title: "bench SPEC", boxes: 24, no_win_opens: 6, winner_vouchers: "198" } },
  })
  fs.writeFileSync(process.env.BENCH_OUT!, JSON.stringify({ hot_template_id: hot.id, spec_template_id: spec.id }))
}
