import { prizeRange } from "./economics"

/**
 * The disclosed odds (SPEC §0.6) as exact fractions: the prize lies uniformly in
 * min … max (7 … 24: each 1/18). Given `opens` opens without a win, the next open wins with
 * 1 / (max − opens) once past the no-win window, 0 inside it, 0 after the win.
 */
export type Odds = {
  prize_range: { min: number; max: number }
  each_position: { numerator: number; denominator: number }
  next_open: { number: number; numerator: number; denominator: number } | null
  no_win_opens: number
  boxes: number
}

export function oddsOf(t: { boxes: number; no_win_opens: number }, opens: number, won: boolean): Odds {
  const { min, max } = prizeRange(t)
  const next = opens + 1
  let next_open: Odds["next_open"] = null
  if (!won && next <= max) {
    next_open = next < min ? { number: next, numerator: 0, denominator: 1 } : { number: next, numerator: 1, denominator: max - opens }
  }
  return {
    prize_range: { min, max },
    each_position: { numerator: 1, denominator: max - min + 1 },
    next_open,
    no_win_opens: t.no_win_opens,
    boxes: t.boxes,
  }
}
