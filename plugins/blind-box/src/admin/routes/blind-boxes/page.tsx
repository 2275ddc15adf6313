import { createDataTableColumnHelper, createDataTableFilterHelper, DataList, Stack, useServerList, useStoreFormat } from "@fission/core/admin-kit"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Gift } from "@medusajs/icons"
import { Badge, Button, Container } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { useNavigate } from "react-router-dom"
import { SummaryChart } from "../../components/summary-chart"
import { TemplateDrawer } from "../../components/template-form"
import { Campaign, CAMPAIGN_STATUSES, statusColor, Template, TEMPLATE_STATUSES } from "../../lib/blind-box"

const tCol = createDataTableColumnHelper<Template>()
const cCol = createDataTableColumnHelper<Campaign>()
const tFilter = createDataTableFilterHelper<Template>()
const cFilter = createDataTableFilterHelper<Campaign>()

/** Blind boxes (SPEC §7 admin): templates with their economics, campaigns with state, revenue/payout summary. */
const BlindBoxesPage = () => {
  const { t } = useTranslation("fission-blind-box")
  const f = useStoreFormat()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [editing, setEditing] = useState<Template | "new" | null>(null)
  const templateFilters = useMemo(
    () => [tFilter.accessor("status", { type: "radio", label: t("templates.status"), options: TEMPLATE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })) })],
    [t]
  )
  const campaignFilters = useMemo(
    () => [cFilter.accessor("status", { type: "radio", label: t("templates.status"), options: CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })) })],
    [t]
  )
  const templates = useServerList<Template, { blind_box_templates: Template[]; count: number }>({
    path: "/admin/fission/blind-box-templates",
    rowsKey: "blind_box_templates",
    queryKey: ["fission-blind-box-templates"],
    filters: templateFilters,
  })
  const campaigns = useServerList<Campaign, { blind_boxes: Campaign[]; count: number }>({
    path: "/admin/fission/blind-boxes",
    rowsKey: "blind_boxes",
    queryKey: ["fission-blind-boxes"],
    filters: campaignFilters,
  })
  const badge = (s: string) => <Badge color={statusColor(s)}>{t(`status.${s}`)}</Badge>
  const templateColumns = [
    tCol.accessor("title", { header: t("templates.title_column"), cell: ({ row: { original: x } }) => `${x.title}${x.frozen ? " 🔒" : ""}` }),
    tCol.accessor("status", { header: t("templates.status"), cell: ({ getValue }) => badge(getValue()) }),
    tCol.display({ id: "prize", header: t("templates.prize"), cell: ({ row: { original: x } }) => f.money(x.prize.value, x.currency_code) }),
    tCol.accessor("boxes", { header: t("templates.boxesNoWin"), cell: ({ row: { original: x } }) => `${x.boxes} / ${x.no_win_opens}` }),
    tCol.display({
      id: "initiation",
      header: t("templates.initiation"),
      cell: ({ row: { original: x } }) => t("templates.initiationValue", { cash: f.money(x.initiation.cash, x.currency_code), vouchers: x.initiation.vouchers }),
    }),
    tCol.accessor("open_price", {
      header: t("templates.openShare"),
      cell: ({ row: { original: x } }) => `${f.money(x.open_price, x.currency_code)} / ${f.money(x.initiator_share, x.currency_code)}`,
    }),
    tCol.display({
      id: "income",
      header: t("templates.initiatorIncome"),
      cell: ({ row: { original: x } }) => `${x.economics.initiator_income.min} … ${x.economics.initiator_income.max}`,
    }),
    tCol.display({
      id: "margin",
      header: t("templates.platformMargin"),
      cell: ({ row: { original: x } }) => `${x.economics.platform_margin.min} … ${x.economics.platform_margin.max}`,
    }),
    tCol.display({ id: "seed", header: t("templates.seedGifts"), cell: ({ row: { original: x } }) => `${x.seed_gift.given} / ${x.seed_gift.limit}` }),
  ]
  const campaignColumns = [
    cCol.accessor("id", { header: t("campaigns.blindBox") }),
    cCol.accessor("status", { header: t("templates.status"), cell: ({ getValue }) => badge(getValue()) }),
    cCol.accessor("opens_count", { header: t("campaigns.opens"), cell: ({ row: { original: c } }) => `${c.opens_count} / ${c.boxes}` }),
    cCol.accessor("winning_open", { header: t("campaigns.wonAt"), cell: ({ getValue }) => getValue() ?? "–" }),
    cCol.accessor("claim", { header: t("campaigns.claim"), cell: ({ getValue }) => t(`claim.${getValue()}`) }),
    cCol.accessor("created_at", { header: t("campaigns.started"), cell: ({ getValue }) => f.dateTime(getValue()) }),
  ]
  return (
    <Stack>
      <DataList
        list={templates}
        columns={templateColumns}
        title={t("templates.title")}
        empty={{ heading: t("templates.empty") }}
        onRowClick={(x) => setEditing(x)}
        actions={
          <Button size="small" onClick={() => setEditing("new")}>
            {t("templates.create")}
          </Button>
        }
      />
      <DataList
        list={campaigns}
        columns={campaignColumns}
        title={t("campaigns.title")}
        empty={{ heading: t("campaigns.empty") }}
        onRowClick={(c) => navigate(`/blind-boxes/${c.id}`)}
      />
      <Container>
        <SummaryChart />
      </Container>
      {editing && (
        <TemplateDrawer
          template={editing === "new" ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => queryClient.invalidateQueries({ queryKey: ["fission-blind-box-templates"] })}
        />
      )}
    </Stack>
  )
}

export const config = defineRouteConfig({ label: "nav.blindBoxes", translationNs: "fission-blind-box", icon: Gift })

export default BlindBoxesPage
