import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Copy, StatusBadge, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { ReactNode } from "react"
import { Link } from "react-router-dom"
import { CustomerLink } from "../components/customer-link"
import { SectionHeader } from "../components/section"
import { useTranslation } from "react-i18next"
import { CommissionTotals, distKeys, PROMOTER_STATUS_COLOR, PromoterStatus } from "../lib/distribution"
import { errorMessage, sdk, useStoreFormat } from "@fission/core/admin-kit"

type CustomerDistribution = {
  customer_id: string
  promoter: { id: string; status: PromoterStatus; source: string; code: string; rank_overridden: boolean; activated_at: string | null } | null
  promoter_status: PromoterStatus | "none"
  promoter_mode: string
  effective_promoter: boolean
  code: string | null
  rank: { id: string; name: string; position: number; is_leader: boolean } | null
  referrer: { id: string; email: string | null; first_name: string | null; last_name: string | null } | null
  referral: { source: string; code: string | null; bound_at: string; expires_at: string | null; expired: boolean } | null
  counts: { level1: number; level2: number; level3: number }
  team_size: number
  balances: { currency_code: string; posted: number; pending_in: number; pending_out: number; available: number; debt: number }[]
  commission_totals: CommissionTotals
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-2 items-center px-6 py-3">
      <Text size="small" weight="plus" className="text-ui-fg-subtle">
        {label}
      </Text>
      <div className="txt-compact-small min-w-0">{children}</div>
    </div>
  )
}

const muted = (text: string) => <span className="text-ui-fg-muted">{text}</span>

/** Customer page: referrer, referral code, promoter status and rank, team size and commission balances. */
const CustomerDistributionWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useTranslation("fission-distribution")
  const f = useStoreFormat()
  const { data, isLoading, isError, error } = useQuery({
    queryKey: distKeys.scope("customer", customer.id),
    queryFn: () => sdk.client.fetch<{ distribution: CustomerDistribution }>(`/admin/fission/customers/${customer.id}/distribution`),
  })
  const d = data?.distribution

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title={t("overview.title")}
        subtitle={t("customer.subtitle")}
        actions={
          <Link to={`/distribution/referrals?customer_id=${customer.id}`} className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
            {t("customer.treeLink")}
          </Link>
        }
      />
      {!d ? (
        <div className="px-6 py-4">
          <Text size="small" className={isError ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
            {isLoading ? t("common.loading") : errorMessage(error)}
          </Text>
        </div>
      ) : (
        <>
          <Row label={t("referrals.referredBy")}>
            {d.referrer ? (
              <div className="flex flex-col gap-y-0.5">
                <CustomerLink customer={d.referrer} />
                {d.referral && (
                  <span className="txt-compact-xsmall text-ui-fg-subtle">
                    {t("customer.via", { source: d.referral.source })}
                    {d.referral.code ? ` ${d.referral.code}` : ""} · {f.date(d.referral.bound_at)}
                    {d.referral.expired ? ` · ${t("referrals.expired")}` : d.referral.expires_at ? ` · ${t("referrals.expires", { date: f.date(d.referral.expires_at) })}` : ""}
                  </span>
                )}
              </div>
            ) : (
              muted(t("customer.nobody"))
            )}
          </Row>
          <Row label={t("withdrawals.promoter")}>
            <div className="flex flex-wrap items-center gap-1">
              {d.promoter ? (
                <StatusBadge color={PROMOTER_STATUS_COLOR[d.promoter.status]}>{t(`promoterStatus.${d.promoter.status}`)}</StatusBadge>
              ) : (
                muted(d.promoter_mode === "everyone_is_promoter" ? t("customer.notYet") : t("customer.no"))
              )}
              {d.promoter && !d.effective_promoter && d.promoter.status === "active" && muted(t("customer.notEarning"))}
            </div>
          </Row>
          <Row label={t("customer.code")}>
            {d.code ? (
              <div className="flex items-center gap-x-1">
                <span className="font-mono">{d.code}</span>
                <Copy content={d.code} />
              </div>
            ) : (
              muted("—")
            )}
          </Row>
          <Row label={t("promoters.rank")}>
            {d.rank ? (
              <div className="flex items-center gap-x-1">
                <span>{d.rank.name}</span>
                {d.promoter?.rank_overridden && (
                  <Badge size="2xsmall" color="purple">
                    {t("promoters.override")}
                  </Badge>
                )}
                {d.rank.is_leader && (
                  <Badge size="2xsmall" color="blue">
                    {t("ranks.leader")}
                  </Badge>
                )}
              </div>
            ) : (
              muted("—")
            )}
          </Row>
          <Row label={t("customer.team")}>
            <span className="tabular-nums">
              {d.team_size} <span className="text-ui-fg-subtle">(L1 {d.counts.level1} · L2 {d.counts.level2} · L3 {d.counts.level3})</span>
            </span>
          </Row>
          {(d.balances.length ? d.balances : [null]).map((b, i) => (
            <Row key={b?.currency_code ?? i} label={`${t("customer.commission")}${b ? ` (${b.currency_code.toUpperCase()})` : ""}`}>
              {b ? (
                <div className="flex flex-col tabular-nums">
                  <span>
                    <span className="txt-compact-small-plus">{f.money(b.available, b.currency_code)}</span> {t("customer.available")}
                  </span>
                  <span className="txt-compact-xsmall text-ui-fg-subtle">
                    {t("customer.pending", { amount: f.money(b.pending_in, b.currency_code) })}
                    {b.pending_out ? ` · ${t("customer.held", { amount: f.money(b.pending_out, b.currency_code) })}` : ""}
                    {b.debt ? ` · ${t("customer.debt", { amount: f.money(b.debt, b.currency_code) })}` : ""}
                  </span>
                </div>
              ) : (
                muted(t("customer.noneYet"))
              )}
            </Row>
          ))}
          {d.commission_totals.by_currency.map((c) => (
            <Row key={c.currency_code} label={t("customer.earned")}>
              <Link
                to={`/distribution/commissions?beneficiary_id=${customer.id}`}
                className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover tabular-nums"
              >
                {f.money(c.net_amount, c.currency_code)} · {t("commissions.records", { count: c.count })}
              </Link>
            </Row>
          ))}
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default CustomerDistributionWidget
