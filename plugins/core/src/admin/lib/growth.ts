/** `GET /admin/fission/growth` (core) and the feature plugins' `GET /admin/fission/<plugin>/summary`. */
export const GROWTH_KINDS = ["earned", "spent", "expired", "reversed", "returned"] as const

export type GrowthMovement = { asset: string; currency_code: string | null; kind: string; total: string; count: number }
export type GrowthWindow = { from: string; to: string; movements: GrowthMovement[] }
export type Growth = { time_zone: string; installed: string[]; today: GrowthWindow; last_30_days: GrowthWindow }

export const growthKeys = {
  all: ["fission-growth"] as const,
  summary: (plugin: string) => ["fission-growth", "summary", plugin] as const,
}

/** Each installed plugin: its summary route and the admin pages the overview links to. */
export const GROWTH_PLUGINS: Record<string, { summary: string; links: { to: string; label: string }[] }> = {
  distribution: {
    summary: "/admin/fission/distribution/summary",
    links: [
      { to: "/distribution", label: "growth.links.distribution" },
      { to: "/distribution/commissions", label: "growth.links.commissions" },
      { to: "/distribution/withdrawals", label: "growth.links.withdrawals" },
    ],
  },
  group_draw: { summary: "/admin/fission/group-draw/summary", links: [{ to: "/group-draws", label: "growth.links.groupDraws" }] },
  presale: { summary: "/admin/fission/presale/summary", links: [{ to: "/presales", label: "growth.links.presales" }] },
  blind_box: { summary: "/admin/fission/blind-box/summary", links: [{ to: "/blind-boxes", label: "growth.links.blindBoxes" }] },
  membership: {
    summary: "/admin/fission/membership/summary",
    links: [
      { to: "/fission-membership", label: "growth.links.membership" },
      { to: "/fission-member-tasks", label: "growth.links.tasks" },
      { to: "/fission-points-mall", label: "growth.links.pointsMall" },
    ],
  },
  rebates: { summary: "/admin/fission/rebates/summary", links: [{ to: "/fission-rebates", label: "growth.links.rebates" }] },
}
