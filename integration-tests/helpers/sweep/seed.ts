import { MedusaContainer } from "@medusajs/framework/types"
import { customer, platform } from "../../../plugins/core/src/utils/ledger"
import { Headers } from "../actors"
import { StoreSetup } from "../setup"

/**
 * A little of everything the routes act on, created through the APIs a store owner
 * and a shopper use, so the sweep's path ids are real and its malformed bodies reach
 * the code behind validation (an update of an existing level, a withdrawal awaiting
 * review…) rather than stopping at 404.
 */
export async function seedSweepData(container: MedusaContainer, api: any, store: StoreSetup, shopper: { customer: { id: string }; headers: Headers }) {
  const admin = { headers: store.adminHeaders }
  const tea = store.fixture.products["tea-gift-box"]
  await api.post("/admin/fission/membership/levels", { name: "Sweep level", growth_threshold: 0 }, admin)
  await api.post("/admin/fission/membership/tasks", { title: "Share", kind: "share", reward_points: 5 }, admin)
  await api.post("/admin/fission/ranks", { name: "Sweep rank" }, admin)
  await api.post("/admin/fission/points-mall/items", { title: "Credit", kind: "store_credit", points_cost: 100, credit_amount: 1, currency_code: "cny" }, admin)
  await api.post(
    "/admin/fission/group-draws",
    { title: "Sweep draw", variant_id: tea.variant_id, price: tea.price, currency_code: "cny", group_size: 3, winners: 1, status: "active" },
    admin
  )
  const oranges = store.fixture.products["navel-oranges-10-jin"]
  await api.post(
    "/admin/fission/presales",
    {
      title: "Sweep pre-sale",
      variant_id: oranges.variant_id,
      currency_code: "cny",
      base_price: 100,
      step_amount: 5,
      step_interval: 10,
      max_steps: 5,
      free_interval: 10,
      max_participants: 100,
      ends_at: new Date(Date.now() + 86_400_000).toISOString(),
      status: "active",
    },
    admin
  )
  // commission to withdraw, straight through the ledger (how it was earned is not under test)
  await container.resolve<any>("fission_ledger").post([
    {
      idempotency_key: `sweep-commission:${shopper.customer.id}`,
      asset: "commission",
      currency_code: "cny",
      amount: "100",
      from: platform("commissions"),
      to: customer(shopper.customer.id),
      reason: "commission.level1",
      source_type: "test",
      source_id: "sweep",
    },
  ])
  await api.post("/store/fission/withdrawals", { amount: 10, method: "alipay", account: "sweep@alipay" }, { headers: shopper.headers })
  const { data } = await api.post("/store/carts", { region_id: store.fixture.region_id }, { headers: shopper.headers })
  return { cart_id: data.cart.id as string, product_id: tea.product_id }
}
