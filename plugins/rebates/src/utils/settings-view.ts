/** The settings as the admin API shows them (amounts as numbers in the major unit). */
export const settingsView = (s: any) => ({
  time_zone: s.time_zone,
  currency_code: s.currency_code ?? null,
  close_day: Number(s.close_day),
  pool_mode: s.pool_mode,
  pool_amount: Number(s.pool_amount),
  pool_rate: Number(s.pool_rate),
  pool_threshold: Number(s.pool_threshold),
  payout_destination: s.payout_destination,
  points_after_close: s.points_after_close,
  tiered_enabled: !!s.tiered_enabled,
  tiered_tiers: ((s.tiered_tiers as any[]) ?? []).map((t) => ({ min_spend: Number(t.min_spend), rate: Number(t.rate) })),
})

export const levelAdminView = (l: any) => ({
  id: l.id,
  position: Number(l.position),
  name: l.name,
  min_consumption: Number(l.min_consumption),
  team_structure: l.team_structure ?? null,
  dividend_points: Number(l.dividend_points),
  created_at: l.created_at,
  updated_at: l.updated_at,
})
