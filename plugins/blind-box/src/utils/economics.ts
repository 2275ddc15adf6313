import { fromMinor, toMinor } from "@fission/core/utils"

/**
 * The blind-box payout rules (SPEC §7.1, §7.3), in integer minor units, shared by the engine
 * (what is paid) and the admin preview (what the template promises). With the seed template:
 * open price 5, initiator share 4.5, initiation 30 cash, 24 boxes, the first 6 never win.
 */
export type Terms = {
  boxes: number
  no_win_opens: number
  initiation_cash: unknown
  open_price: unknown
  initiator_share: unknown
  referrer_reward_initiation?: unknown
  leader_reward_initiation?: unknown
  referrer_reward_open?: unknown
  prize_cost?: unknown
  prize_value?: unknown
}

/** The opens the prize can lie in: no_win_opens + 1 … boxes (7 … 24). */
export function prizeRange(t: Pick<Terms, "boxes" | "no_win_opens">): { min: number; max: number } {
  return { min: t.no_win_opens + 1, max: t.boxes }
}

/** What the initiator has received after `opens` opens: share × opens (4.5 × 7 = 31.5). */
export const initiatorGross = (t: Terms, opens: number): bigint => toMinor(t.initiator_share) * BigInt(opens)

/** The initiator's income when the prize is won at open `p`: share × p − initiation cash (p = 7 → 1.5, p = 24 → 78). */
export const initiatorIncome = (t: Terms, p: number): bigint => initiatorGross(t, p) - toMinor(t.initiation_cash)

/** Rewards to referrers per initiated campaign (4 direct + 6 team leader = 10). */
export const initiationRewards = (t: Terms): bigint =>
  toMinor(t.referrer_reward_initiation ?? 0) + toMinor(t.leader_reward_initiation ?? 0)

/** What the platform keeps of one open: price − initiator share − opener's referrer (5 − 4.5 − 0.5 = 0). */
export const platformPerOpen = (t: Terms): bigint =>
  toMinor(t.open_price) - toMinor(t.initiator_share) - toMinor(t.referrer_reward_open ?? 0)

/**
 * The platform's margin on a campaign won at open `p`: initiation cash − prize cost − initiation
 * rewards + p × what it keeps per open (30 − prize cost − 10 with the seed terms, whatever p).
 * Every referral reward is counted as paid (the worst case: a referrer and a leader exist).
 */
export const platformMargin = (t: Terms, p: number): bigint =>
  toMinor(t.initiation_cash) - toMinor(t.prize_cost ?? t.prize_value ?? 0) - initiationRewards(t) + platformPerOpen(t) * BigInt(p)

/** Expected number of opens with the prize uniform in min … max: (min + max) / 2 as an exact decimal string (15.5). */
export function expectedOpens(t: Pick<Terms, "boxes" | "no_win_opens">): string {
  const { min, max } = prizeRange(t)
  const twice = min + max
  return twice % 2 === 0 ? String(twice / 2) : `${(twice - 1) / 2}.5`
}

/** The economics preview the admin sees (decimal strings), computed by the functions above. */
export function economicsPreview(t: Terms) {
  const { min, max } = prizeRange(t)
  return {
    prize_range: { min, max },
    expected_opens: expectedOpens(t),
    initiator_income: { min: fromMinor(initiatorIncome(t, min)), max: fromMinor(initiatorIncome(t, max)) },
    initiator_gross: { min: fromMinor(initiatorGross(t, min)), max: fromMinor(initiatorGross(t, max)) },
    platform_per_open: fromMinor(platformPerOpen(t)),
    initiation_rewards: fromMinor(initiationRewards(t)),
    platform_margin: { min: fromMinor(platformMargin(t, min)), max: fromMinor(platformMargin(t, max)) },
  }
}
