import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Container, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { DailyChart } from "../../components/daily-chart"
import { SectionHeader, Stat } from "../../components/section"
import { CommissionList, DailyCommissions, distKeys, errorMessage, money, PromoterList, WithdrawalList } from "../../lib/distribution"
import { sdk } from "@fission/core/admin-kit"

const TIMEZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"

const SECTIONS: [string, string, string][] = [
  ["promoters", "Promoters", "Disable or enable promoters, override ranks"],
  ["applications", "Applications", "Approve or reject promoter applications"],
  ["referrals", "Referral tree", "A customer's upline and team; re-bind with a reason"],
  ["commissions", "Commissions", "Every commission record with filters and totals"],
  ["withdrawals", "Withdrawals", "Approve, reject and pay out withdrawal requests"],
  ["ranks", "Ranks", "Rank conditions, rates, team rewards and leader share"],
]

/** Counts only: limit=1 lists return the total count cheaply. */
const useCount = <T extends { count: number }>(path: string, query: Record<string, unknown>) =>
  useQuery({
    queryKey: distKeys.scope("count", path, query),
    queryFn: () => sdk.client.fetch<T>(path, { query: { ...query, limit: 1 } }),
  })

/** Distribution overview: what needs attention, commission totals and the last 30 days. */
const DistributionPage = () => {
  const promoters = useCount<PromoterList>("/admin/fission/promoters", { status: "active" })
  const applications = useCount<PromoterList>("/admin/fission/promoters", { status: "applied" })
  const withdrawals = useCount<WithdrawalList>("/admin/fission/withdrawals", { status: "requested" })
  const commissions = useCount<CommissionList>("/admin/fission/commissions", {})
  const daily = useQuery({
    queryKey: distKeys.scope("commissions-daily", "overview"),
    queryFn: () => sdk.client.fetch<{ daily: DailyCommissions }>("/admin/fission/commissions/daily", { query: { days: 30, timezone: TIMEZONE } }),
  })
  const totals = commissions.data?.totals.by_currency[0]
  const requested = withdrawals.data?.totals

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <SectionHeader
          title="Distribution"
          subtitle="Referral binding, promoters, two-level commission, ranks and withdrawals."
          actions={
            <Link to="/settings/fission-distribution" className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
              Settings →
            </Link>
          }
        />
        <div className="flex flex-wrap gap-3 px-6 py-4">
          <Stat label="Active promoters" value={promoters.data?.count ?? "…"} />
          <Stat
            label="Applications waiting"
            value={<Link to="/distribution/applications">{applications.data?.count ?? "…"}</Link>}
          />
          <Stat
            label="Withdrawals to review"
            value={<Link to="/distribution/withdrawals">{requested?.count ?? "…"}</Link>}
            hint={requested ? `${money(requested.amount, withdrawals.data?.withdrawals[0]?.currency_code)} requested` : undefined}
          />
          <Stat
            label="Pending commission"
            value={totals ? money(totals.by_status.pending?.net_amount ?? 0, totals.currency_code) : "…"}
            hint="frozen until delivery + freeze days"
          />
          <Stat
            label="Available commission"
            value={totals ? money(totals.by_status.available?.net_amount ?? 0, totals.currency_code) : "…"}
            hint={totals ? `${money(totals.net_amount, totals.currency_code)} net all time` : undefined}
          />
        </div>
        <div className="px-6 py-4">
          {daily.data ? (
            <DailyChart daily={daily.data.daily} />
          ) : (
            <Text size="small" className={daily.isError ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
              {daily.isError ? errorMessage(daily.error) : "Loading chart…"}
            </Text>
          )}
        </div>
      </Container>
      <Container className="grid grid-cols-1 gap-3 p-4 md:grid-cols-3">
        {SECTIONS.map(([path, title, description]) => (
          <Link key={path} to={`/distribution/${path}`} className="bg-ui-bg-subtle hover:bg-ui-bg-subtle-hover flex flex-col gap-y-1 rounded-lg px-4 py-3">
            <Text size="small" weight="plus">
              {title}
            </Text>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {description}
            </Text>
          </Link>
        ))}
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({ label: "nav.distribution", translationNs: "fission-distribution", icon: Users })

export default DistributionPage
