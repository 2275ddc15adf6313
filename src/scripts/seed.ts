import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createCustomerGroupsWorkflow, createPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { giveBlindBoxSeedGiftsWorkflow, saveBlindBoxTemplateWorkflow } from "@fission/blind-box/workflows"
import { rebindReferralWorkflow } from "@fission/distribution/workflows"
import { createGroupDrawCampaignWorkflow } from "@fission/group-draw/workflows"
import { createPresaleCampaignWorkflow } from "@fission/presale/workflows"
import { createMallItemWorkflow, createMemberLevelWorkflow, createMemberTaskWorkflow } from "@fission/membership/workflows"
import { evaluateRebateMonthWorkflow } from "@fission/rebates/workflows"
import { createCustomerWithLogin, createStoreFixture } from "../lib/store-fixture"

type Container = ExecArgs["container"]
/** Demo products by handle (only the ids are needed after the first run). */
type Products = Record<string, { product_id: string; variant_id: string }>

export const DEMO_PASSWORD = "fission-demo"

/** Demo shoppers: Alice refers Bob, Bob refers Carol (the SPEC §2.4 example, bound by the seed). */
export const DEMO_CUSTOMERS = [
  { email: "alice@fission.local", first_name: "Alice", last_name: "Wang" },
  { email: "bob@fission.local", first_name: "Bob", last_name: "Li" },
  { email: "carol@fission.local", first_name: "Carol", last_name: "Zhang" },
]

/**
 * Seeds the demo store. Each part is seeded once, when its data is absent, so a
 * second run changes nothing and a demo database from an older version gains
 * the parts added since.
 */
export default async function seedDemoStore({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const products = (await existingProducts(container)) ?? (await seedStore(container))
  const parts: [string, (c: Container, p: Products) => Promise<boolean>][] = [
    ["group draws", seedGroupDraws],
    ["navel-orange pre-sale", seedPresale],
    ["member levels", seedMemberLevels],
    ["member tasks", seedMemberTasks],
    ["points mall", seedPointsMall],
    ["blind boxes", seedBlindBoxes],
    ["rebate levels and a month of activity", seedRebates],
  ]
  for (const [name, seed] of parts) {
    if (await seed(container, products)) logger.info(`Seeded ${name}`)
  }
  logger.info("Fission demo store ready")
}

async function existingProducts(container: Container): Promise<Products | null> {
  const products = await container.resolve(Modules.PRODUCT).listProducts({}, { relations: ["variants"] })
  if (!products.some((p) => p.handle === "package-899")) return null
  return Object.fromEntries(products.map((p) => [p.handle, { product_id: p.id, variant_id: p.variants[0].id }]))
}

/** Region, channel, products, shoppers and the SPEC §2 distribution example. */
async function seedStore(container: Container): Promise<Products> {
  const fixture = await createStoreFixture(container)
  const customers: { id: string }[] = []
  for (const customer of DEMO_CUSTOMERS) {
    customers.push(await createCustomerWithLogin(container, { ...customer, password: DEMO_PASSWORD }))
  }
  await seedDistribution(container, fixture.products["package-899"].product_id, customers.map((c) => c.id))
  return fixture.products
}

/** The SPEC §2 example: the 899 package pays 100 / 50, boss = 2 package buyers (350 team reward), A → B → C. */
async function seedDistribution(container: Container, packageId: string, [alice, bob, carol]: string[]) {
  const distribution: any = container.resolve("fission_distribution")
  await distribution.createProductCommissions({ product_id: packageId, mode: "fixed", level1: 100, level2: 50 })
  await distribution.createDistributionRanks([
    { name: "member", position: 0, is_default: true },
    {
      name: "boss",
      position: 1,
      conditions: { direct_referrals: { count: 2, purchased_product_id: packageId } },
      team_reward_amount: 350,
    },
  ])
  for (const [customer_id, referrer_id] of [
    [bob, alice],
    [carol, bob],
  ]) {
    await rebindReferralWorkflow(container).run({
      input: { customer_id, referrer_id, reason: "demo referral tree", actor_id: null },
    })
  }
}

/** The SPEC §4 seed examples: 5 buy / 2 win with a 10 loser reward; the 99 red-envelope group of 3. */
async function seedGroupDraws(container: Container, products: Products) {
  const groupDraw: any = container.resolve("fission_group_draw")
  const [, count] = await groupDraw.listAndCountGroupDrawCampaigns({}, { take: 1 })
  if (count > 0) return false
  const campaigns = [
    {
      title: "Navel oranges: 5 buy, 2 win",
      description: "Five shoppers pay 100; two win the oranges, three get their money back plus 10 store credit.",
      variant_id: products["navel-oranges-10-jin"].variant_id,
      price: "100",
      group_size: 5,
      winners: 2,
      loser_reward: "10",
      winner_shopping_fund_ratio: "0.1",
      allow_shopper_groups: true,
      shopper_group_size_min: 3,
      shopper_group_size_max: 10,
      shopper_winners_min: 1,
      shopper_winners_max: 3,
      shopper_duration_hours_max: 72,
    },
    {
      title: "Tea gift box red-envelope group",
      description: "Three shoppers pay 99; one wins the tea, two get 99 back, all three share a 10 red envelope.",
      variant_id: products["tea-gift-box"].variant_id,
      price: "99",
      group_size: 3,
      winners: 1,
      red_envelope_amount: "10",
      red_envelope_split: "random" as const,
    },
  ]
  for (const campaign of campaigns) {
    await createGroupDrawCampaignWorkflow(container).run({
      input: { ...campaign, currency_code: "cny", duration_hours: 24, status: "active" as const },
    })
  }
  return true
}

/**
 * The SPEC §7 blind box: the tea gift box (99) in 24 boxes, 30 cash + 69 vouchers to initiate,
 * 5 per open with 4.5 to the initiator, the first 6 never win, 198 vouchers instead of the
 * prize, 99 consolation vouchers, 100 vouchers for the first 1,000 customers, referral rewards
 * 4 / 6 / 0.5. The demo shoppers get their seed-user gift (100 vouchers each).
 */
async function seedBlindBoxes(container: Container, products: Products) {
  const blindBox: any = container.resolve("fission_blind_box")
  const [, count] = await blindBox.listAndCountBlindBoxTemplates({}, { take: 1 })
  if (count > 0) return false
  await saveBlindBoxTemplateWorkflow(container).run({
    input: {
      data: {
        title: "Tea gift box blind box",
        description: "Initiate for 30 + 69 vouchers, earn 4.5 for every open; the prize lies uniformly in opens 7–24.",
        status: "active",
        variant_id: products["tea-gift-box"].variant_id,
        currency_code: "cny",
        prize_value: "99",
        prize_cost: "45",
        boxes: 24,
        initiation_cash: "30",
        initiation_vouchers: "69",
        open_price: "5",
        initiator_share: "4.5",
        no_win_opens: 6,
        winner_vouchers: "198",
        consolation_vouchers: "99",
        seed_gift_vouchers: "100",
        seed_gift_limit: 1000,
        referrer_reward_initiation: "4",
        leader_reward_initiation: "6",
        referrer_reward_open: "0.5",
      },
    },
  })
  const shoppers = await container.resolve(Modules.CUSTOMER).listCustomers({ email: DEMO_CUSTOMERS.map((c) => c.email) })
  for (const shopper of shoppers) {
    await giveBlindBoxSeedGiftsWorkflow(container).run({ input: { customer_id: shopper.id } })
  }
  return true
}

/**
 * The SPEC §5 seed: Gannan navel oranges, 100 for 10 jin, 5 back to everyone per 200
 * participants (at most 10 steps: 50 at 2,000), one free order drawn every 25 participants.
 */
async function seedPresale(container: Container, products: Products) {
  const presale: any = container.resolve("fission_presale")
  const [, count] = await presale.listAndCountPresaleCampaigns({}, { take: 1 })
  if (count > 0) return false
  const DAY = 86_400_000
  await createPresaleCampaignWorkflow(container).run({
    input: {
      title: "Gannan navel oranges pre-sale (10 jin)",
      description: "Pay 100 now; every 200 participants everyone gets 5 back (down to 50 at 2,000); every 25 participants one order is drawn free.",
      variant_id: products["navel-oranges-10-jin"].variant_id,
      currency_code: "cny",
      base_price: "100",
      step_amount: "5",
      step_interval: 200,
      max_steps: 10,
      free_interval: 25,
      max_participants: 2000,
      ends_at: new Date(Date.now() + 30 * DAY).toISOString(),
      shipping_date: new Date(Date.now() + 45 * DAY).toISOString(),
      refund_timing: "each_step",
      refund_destination: "original_payment",
      status: "active",
    },
  })
  return true
}

/** Three levels; Silver and Gold get their own customer group, a points multiplier and free shipping. */
async function seedMemberLevels(container: Container) {
  const membership: any = container.resolve("fission_membership")
  const [, count] = await membership.listAndCountMemberLevels({}, { take: 1 })
  if (count > 0) return false
  const {
    result: [silverGroup, goldGroup],
  } = await createCustomerGroupsWorkflow(container).run({
    input: { customersData: [{ name: "Silver members" }, { name: "Gold members" }] },
  })
  const levels = [
    { name: "Member", position: 0, growth_threshold: 0, points_multiplier: "1" },
    {
      name: "Silver",
      position: 1,
      growth_threshold: 1000,
      points_multiplier: "1.2",
      customer_group_id: silverGroup.id,
      free_shipping_threshold: "199",
      birthday_points: 200,
    },
    {
      name: "Gold",
      position: 2,
      growth_threshold: 5000,
      points_multiplier: "1.5",
      customer_group_id: goldGroup.id,
      free_shipping_threshold: "0",
      birthday_points: 500,
    },
  ]
  for (const level of levels) await createMemberLevelWorkflow(container).run({ input: level })
  return true
}

/** One task of each common kind (SPEC §6.4). */
async function seedMemberTasks(container: Container) {
  const tasks: any = container.resolve("fission_member_tasks")
  const [, count] = await tasks.listAndCountMemberTasks({}, { take: 1 })
  if (count > 0) return false
  const definitions = [
    { title: "First order within 7 days of joining", kind: "first_purchase_within_days", params: { days: 7 }, reward_points: 100, reward_growth: 50 },
    { title: "Invite a friend who signs up", kind: "invite_register", reward_points: 50, repeat_rule: "unlimited", cap: 20 },
    { title: "Invite a friend who buys", kind: "invite_purchase", reward_points: 200, reward_growth: 100, repeat_rule: "unlimited", cap: 20 },
    { title: "Share a product", kind: "share", reward_points: 5, repeat_rule: "daily", cap: 3 },
    { title: "Buy again within 30 days", kind: "repurchase_within_days", params: { days: 30 }, reward_points: 50, repeat_rule: "unlimited", cap: 12 },
    { title: "Complete your profile", kind: "complete_profile", reward_points: 30, completion_mode: "claim" },
    { title: "Review a product you bought", kind: "review_product", reward_points: 20, repeat_rule: "unlimited", cap: 10 },
  ]
  for (const [position, task] of definitions.entries()) {
    await createMemberTaskWorkflow(container).run({ input: { ...task, position } as any })
  }
  return true
}

/**
 * Points mall (SPEC §6.5): a 20-off coupon (copied per shopper from a draft template
 * promotion), the snack pack for points + cash, and 1,000 points → 10 store credit.
 */
async function seedPointsMall(container: Container, products: Products) {
  const mall: any = container.resolve("fission_points_mall")
  const [, count] = await mall.listAndCountMallItems({}, { take: 1 })
  if (count > 0) return false
  const {
    result: [template],
  } = await createPromotionsWorkflow(container).run({
    input: {
      promotionsData: [
        {
          code: "MALL-TEMPLATE-20",
          type: "standard",
          status: "draft",
          application_method: { type: "fixed", target_type: "order", allocation: "across", value: 20, currency_code: "cny" },
        },
      ],
    },
  })
  const items = [
    { kind: "coupon", title: "20 off your next order", points_cost: 800, template_promotion_id: template.id, per_customer_limit: 2 },
    {
      kind: "product",
      title: "Red date snack pack for 500 points + 9.90",
      points_cost: 500,
      variant_id: products["red-date-snack-pack"].variant_id,
      cash_price: "9.9",
      currency_code: "cny",
      stock: 100,
      per_customer_limit: 3,
    },
    { kind: "store_credit", title: "10 store credit", points_cost: 1000, credit_amount: "10", currency_code: "cny" },
  ]
  for (const item of items) await createMallItemWorkflow(container).run({ input: { ...item, is_active: true } })
  return true
}

/**
 * Rebates (SPEC §3.1, §3.3): the five seed levels (created with the settings on first
 * read) and this month's paid consumption of the demo tree — Alice 1,798, Bob 899,
 * Carol 899 + 99 — evaluated like real paid orders, so each reaches level 1 (3,596
 * dividend points; no 3×9 team yet) and the admin's month-close preview shows a real
 * pool (3 % of the month's GMV) shared by three holders. The rows are marked
 * `demo-seed:` in their order id.
 */
async function seedRebates(container: Container) {
  const rebates: any = container.resolve("fission_rebates")
  const settings = await rebates.retrieveSettings()
  const [, count] = await rebates.listAndCountRebateOrders({ order_id: { $like: "demo-seed:%" } }, { take: 1 })
  if (count > 0) return false
  const customers = await container.resolve(Modules.CUSTOMER).listCustomers({ email: DEMO_CUSTOMERS.map((c) => c.email) })
  const idOf = (email: string) => customers.find((c) => c.email === email)?.id
  const month = new Intl.DateTimeFormat("en-CA", { timeZone: settings.time_zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date()).slice(0, 7)
  const activity: [string, string[]][] = [
    [DEMO_CUSTOMERS[0].email, ["899", "899"]],
    [DEMO_CUSTOMERS[1].email, ["899"]],
    [DEMO_CUSTOMERS[2].email, ["899", "99"]],
  ]
  for (const [email, amounts] of activity) {
    const customer_id = idOf(email)
    if (!customer_id) continue
    for (const [i, paid_amount] of amounts.entries()) {
      await rebates.recordPaidOrder({
        order_id: `demo-seed:${customer_id}:${i}`,
        customer_id,
        month,
        currency_code: "cny",
        paid_amount,
        paid_at: new Date(),
      })
    }
    await evaluateRebateMonthWorkflow(container).run({ input: { customer_id, month } })
  }
  return true
}
