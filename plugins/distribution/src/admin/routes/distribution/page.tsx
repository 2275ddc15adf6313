import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Container, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { DailyChart } from "../../components/daily-chart"
import { SectionHeader, Stat } from "../../components/section"
import { useTranslation } from "react-i18next"
import { CommissionList, DailyCommissions, distKeys, PromoterList, WithdrawalList } from "../../lib/distribution"
import { errorMessage, sdk, Stack, useStoreFormat } from "@fission/core/admin-kit"

const SECTIONS = ["promoters", "applications", "referrals", "commissions", "withdrawals", "ranks"] as const

/** Counts only: limit=1 lists return the total count cheaply. */
const useCount = <T extends { count: number }>(path: string, query: Record<string, unknown>) =>
  useQuery({
    queryKey: distKeys.scope("count", path, query),
    queryFn: () => sdk.client.fetch<T>(path, { query: { ...query, limit: 1 } }),
  })

/** Distribution overview: what needs attention, commission totals and the last 30 days. */
const DistributionPage = () => {
  const { t } = useTranslation("fission-distribution")
  const f = useStoreFormat()
  const promoters = useCount<PromoterList>("/admin/fission/promoters", { status: "active" })
  const applications = useCount<PromoterList>("/admin/fission/promoters", { status: "applied" })
  const withdrawals = useCount<WithdrawalList>("/admin/fission/withdrawals", { status: "requested" })
  const commissions = useCount<CommissionList>("/admin/fission/commissions", {})
  const daily = useQuery({
    queryKey: distKeys.scope("commissions-daily", "overview", f.timeZone),
    queryFn: () => sdk.client.fetch<{ daily: DailyCommissions }>("/admin/fission/commissions/daily", { query: { days: 30, timezone: f.timeZone } }),
  })
  const totals = commissions.data?.totals.by_currency[0]
  const requested = withdrawals.data?.totals

  return (
    <Stack>
      <Container className="divide-y p-0">
        <SectionHeader
          title={t("overview.title")}
          subtitle={t("overview.subtitle")}
          actions={
            <Link to="/settings/fission-distribution" className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
              {t("overview.settings")}
            </Link>
          }
        />
        <div className="flex flex-wrap gap-3 px-6 py-4">
          <Stat label={t("overview.activePromoters")} value={promoters.data?.count ?? "…"} />
          <Stat
            label={t("overview.applicationsWaiting")}
            value={<Link to="/distribution/applications">{applications.data?.count ?? "…"}</Link>}
          />
          <Stat
            label={t("overview.withdrawalsToReview")}
            value={<Link to="/distribution/withdrawals">{requested?.count ?? "…"}</Link>}
            hint={requested ? t("overview.requested", { amount: f.money(requested.amount, withdrawals.data?.withdrawals[0]?.currency_code) }) : undefined}
          />
          <Stat
            label={t("overview.pendingCommission")}
            value={totals ? f.money(totals.by_status.pending?.net_amount ?? 0, totals.currency_code) : "…"}
            hint={t("overview.pendingHint")}
          />
          <Stat
            label={t("overview.availableCommission")}
            value={totals ? f.money(totals.by_status.available?.net_amount ?? 0, totals.currency_code) : "…"}
            hint={totals ? t("overview.netAllTime", { amount: f.money(totals.net_amount, totals.currency_code) }) : undefined}
          />
        </div>
        <div className="px-6 py-4">
          {daily.data ? (
            <DailyChart daily={daily.data.daily} />
          ) : (
            <Text size="small" className={daily.isError ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
              {daily.isError ? errorMessage(daily.error) : t("common.loadingChart")}
            </Text>
          )}
        </div>
      </Container>
      <Container className="grid grid-cols-1 gap-3 p-4 md:grid-cols-3">
        {SECTIONS.map((path) => (
          <Link key={path} to={`/distribution/${path}`} className="bg-ui-bg-subtle hover:bg-ui-bg-subtle-hover flex flex-col gap-y-1 rounded-lg px-4 py-3">
            <Text size="small" weight="plus">
              {t(`nav.${path}`)}
            </Text>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {t(`overview.sections.${path}`)}
            </Text>
          </Link>
        ))}
      </Container>
    </Stack>
  )
}

export const config = defineRouteConfig({ label: "nav.distribution", translationNs: "fission-distribution", icon: Users })

export default DistributionPage
