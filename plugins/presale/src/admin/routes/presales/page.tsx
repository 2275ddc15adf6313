import { createDataTableColumnHelper, createDataTableFilterHelper, DataList, useServerList, useStoreFormat } from "@fission/core/admin-kit"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Tag } from "@medusajs/icons"
import { Badge, Button } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { useNavigate } from "react-router-dom"
import { PresaleFormDrawer } from "../../components/presale-form"
import { Presale, PRESALE_STATUSES, statusColor } from "../../lib/presale"

const col = createDataTableColumnHelper<Presale>()
const filter = createDataTableFilterHelper<Presale>()

/** Pre-sales (SPEC §5 admin): list, create, open one. */
const PresalesPage = () => {
  const { t } = useTranslation("fission-presale")
  const f = useStoreFormat()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [creating, setCreating] = useState(false)
  const filters = useMemo(
    () => [filter.accessor("status", { type: "radio", label: t("list.status"), options: PRESALE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })) })],
    [t]
  )
  const list = useServerList<Presale, { presales: Presale[]; count: number }>({
    path: "/admin/fission/presales",
    rowsKey: "presales",
    queryKey: ["fission-presales"],
    filters,
  })
  const columns = [
    col.accessor("title", { header: t("list.presale") }),
    col.accessor("current_price", { header: t("list.priceNow"), cell: ({ row: { original: p } }) => f.money(p.current_price, p.currency_code) }),
    col.accessor("participants", { header: t("list.participants") }),
    col.accessor("next_rebate_threshold", { header: t("list.nextThreshold"), cell: ({ getValue }) => getValue() ?? "–" }),
    col.accessor("free_orders_drawn", { header: t("list.freeOrders"), cell: ({ row: { original: p } }) => `${p.free_orders_drawn} / ${p.free_draw_rounds}` }),
    col.accessor("refund_timing", { header: t("list.refunds"), cell: ({ getValue }) => t(`refundTiming.${getValue()}`) }),
    col.accessor("ends_at", { header: t("list.ends"), cell: ({ getValue }) => f.dateTime(getValue()) }),
    col.accessor("status", {
      header: t("list.status"),
      cell: ({ getValue }) => (
        <Badge size="2xsmall" color={statusColor(getValue()) as any}>
          {t(`status.${getValue()}`)}
        </Badge>
      ),
    }),
  ]
  return (
    <>
      <DataList
        list={list}
        columns={columns}
        title={t("list.title")}
        subtitle={t("list.subtitle")}
        empty={{ heading: t("list.empty") }}
        onRowClick={(p) => navigate(`/presales/${p.id}`)}
        actions={
          <Button size="small" variant="secondary" onClick={() => setCreating(true)}>
            {t("list.create")}
          </Button>
        }
      />
      <PresaleFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => queryClient.invalidateQueries({ queryKey: ["fission-presales"] })}
      />
    </>
  )
}

export const config = defineRouteConfig({ label: "nav.presales", translationNs: "fission-presale", icon: Tag })

export default PresalesPage
