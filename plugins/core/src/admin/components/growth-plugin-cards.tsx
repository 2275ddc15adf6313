import { Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { ReactNode } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { Card, Fact, sdk, type StoreFormat, useStoreFormat } from "../../admin-kit"
import { GROWTH_PLUGINS, growthKeys } from "../lib/growth"

type T = (key: string, opts?: Record<string, unknown>) => string

/** The facts of each plugin's summary body (its own route's shape). */
const FACTS: Record<string, (s: any, t: T, f: StoreFormat) => [string, ReactNode][]> = {
  distribution: (s, t, f) => [
    // no open commission yet: zeros in the store's currency rather than nothing
    ...(s.commissions.length ? s.commissions : [{ currency_code: null, pending: { net_amount: 0, count: 0 }, available: { net_amount: 0, count: 0 } }]).flatMap((c: any) => [
      [t("growth.distribution.pending"), `${f.money(c.pending.net_amount, c.currency_code)} (${f.number(c.pending.count)})`],
      [t("growth.distribution.available"), `${f.money(c.available.net_amount, c.currency_code)} (${f.number(c.available.count)})`],
    ]),
    ...s.last_30_days.map((c: any) => [t("growth.distribution.last30"), f.money(c.net_amount, c.currency_code)]),
    [t("growth.distribution.toReview"), f.number(s.withdrawals.requested.count)],
    [t("growth.distribution.toPay"), f.number(s.withdrawals.approved.count)],
  ],
  group_draw: (s, t, f) => [
    [t("growth.groupDraw.active"), f.number(s.active_campaigns)],
    [t("growth.groupDraw.openGroups"), f.number(s.open_groups)],
    [t("growth.groupDraw.completed30"), f.number(s.last_30_days.completed)],
    [t("growth.groupDraw.failed30"), f.number(s.last_30_days.failed)],
  ],
  presale: (s, t, f) => [
    [t("growth.presale.active"), f.number(s.by_status.active)],
    [t("growth.presale.draft"), f.number(s.by_status.draft)],
    [t("growth.presale.closed"), f.number(s.by_status.closed)],
    [t("growth.presale.failed"), f.number(s.by_status.failed)],
  ],
  blind_box: (s, t, f) => [
    [t("growth.blindBox.open"), f.number(s.by_status.open)],
    [t("growth.blindBox.initiating"), f.number(s.by_status.initiating)],
    [t("growth.blindBox.won"), f.number(s.by_status.won)],
    [t("growth.blindBox.opens30"), f.number(s.opens_last_30_days)],
  ],
  membership: (s, t, f) => [
    [t("growth.membership.members"), f.number(s.members)],
    [t("growth.membership.tasks"), f.number(s.active_tasks)],
    [t("growth.membership.mallItems"), f.number(s.active_mall_items)],
  ],
  rebates: (s, t, f) => [
    [t("growth.rebates.month"), s.month],
    [t("growth.rebates.gmv"), f.money(s.gmv, s.currency_code)],
    [t("growth.rebates.pool"), f.money(s.pool_amount, s.currency_code)],
    [t("growth.rebates.run"), s.run ? t(`growth.rebates.runStatus.${s.run.status}`) : t("growth.rebates.notClosed")],
  ],
}

function PluginCard({ plugin }: { plugin: string }) {
  const { t } = useTranslation("fission-core")
  const f = useStoreFormat()
  const meta = GROWTH_PLUGINS[plugin]
  const { data, isLoading, error } = useQuery({
    queryKey: growthKeys.summary(plugin),
    queryFn: () => sdk.client.fetch<{ summary: any }>(meta.summary),
  })
  const facts = data ? FACTS[plugin](data.summary, t, f) : []
  return (
    <Card
      title={t(`growth.plugin.${plugin}`)}
      loading={isLoading}
      error={error}
      actions={
        <div className="flex flex-wrap gap-x-3">
          {meta.links.map((l) => (
            <Link key={l.to} to={l.to} className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
              {t(l.label)}
            </Link>
          ))}
        </div>
      }
    >
      <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-4">
        {facts.map(([label, value], i) => (
          <Fact key={i} label={label}>
            {value}
          </Fact>
        ))}
        {!facts.length && <Text size="small">{t("kit.common.none")}</Text>}
      </div>
    </Card>
  )
}

/** One card per installed Fission plugin that has a summary; uninstalled ones never appear. */
export function PluginCards({ installed }: { installed: string[] }) {
  return (
    <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
      {installed
        .filter((p) => GROWTH_PLUGINS[p])
        .map((p) => (
          <PluginCard key={p} plugin={p} />
        ))}
    </div>
  )
}
