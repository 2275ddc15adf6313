// The simulation's model of the store: what it did to every shopper and order, from
// which expectations.mjs derives what the plugins should hold. Amounts in cents (BigInt).
import { expectedOf } from "./expectations.mjs"

export const SHIPPING_CENTS = 1000n // the fixture's flat shipping option (10)
export const WITHDRAWAL_MIN_CENTS = 1000n // distribution's default minimum (10)
export const WITHDRAWAL_DAILY_LIMIT = 100 // integration-tests/cluster/setup-store.ts raises it from 3

/** Cents → the API's decimal major units. */
export const major = (cents) => Number(cents) / 100
/** The API's decimal major units → cents (exact for 2-decimal amounts). */
export const cents = (amount) => BigInt(Math.round(Number(amount) * 100))

export function createWorld({ shoppers, roots }) {
  const people = shoppers.map((s, i) => ({
    ...s,
    i,
    root: i < roots,
    referrer: null, // customer id, decided by the first order's referral code
    bindingFinal: i < roots, // roots never bind; others once their first order's binding is seen
    orders: [],
    checkInPoints: 0n,
    checkedIn: false,
    spentPoints: 0n,
    commissionAdjusted: 0n,
    converted: 0n,
    withdrawals: [], // { id, cents, status: "requested" | "approved" | "rejected" }
    // blind boxes: age confirmed; cash paid from the wallet (starts + opens) and the day's spend; vouchers held
    blind: { age: false, paidCents: 0n, spentCents: 0n, vouchers: 0n },
  }))
  const byId = new Map(people.map((p) => [p.customer_id, p]))
  const orders = []
  const redemptions = [] // { item, shopper, ok, code }
  const groupJoins = [] // { order, group_id (asked) }
  const blindOpens = [] // { box, shopper, id, number, won, claimed } of every open answered 201
  return {
    people,
    orders,
    redemptions,
    groupJoins,
    blindOpens,
    person: (id) => byId.get(id),
    /** Beneficiaries of a new order of `buyer` (SPEC §2.4, depth 2, everyone a promoter, no self-purchase). */
    beneficiaries(buyer) {
      const out = []
      const l1 = buyer.referrer && byId.get(buyer.referrer)
      if (l1) {
        out.push({ customer_id: l1.customer_id, level: 1 })
        if (l1.referrer) out.push({ customer_id: l1.referrer, level: 2 })
      }
      return out
    },
    /** Points the shopper should hold (main − debt): orders' net points, check-ins, minus redemptions and points paid in carts. */
    pointsOf(p) {
      return p.orders.reduce((s, o) => s + expectedOf(o).points - BigInt(o.cart_points ?? 0), 0n) + p.checkInPoints - p.spentPoints
    },
    /** Commission the shopper can spend now: adjustments − conversions − withdrawals not rejected. */
    availableCommission(p) {
      return p.commissionAdjusted - p.converted - p.withdrawals.filter((w) => w.status !== "rejected").reduce((s, w) => s + w.cents, 0n)
    },
    /** Pending commission the shopper should be owed from orders (none is released within a run: freeze 7 days). */
    pendingCommission(p) {
      return orders.reduce((s, o) => s + (expectedOf(o).commission[p.customer_id] ?? 0n), 0n)
    },
  }
}
