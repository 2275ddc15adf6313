import { createDataTableColumnHelper, DataList, useServerList, useStoreFormat } from "@fission/core/admin-kit"
import { Badge, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { Group, Member, statusColor, useLoserRefunds } from "../lib/group-draw"

type Seat = Member & { group: Omit<Group, "members"> | null; campaign: { id: string; title: string } | null }

const col = createDataTableColumnHelper<Seat>()

/** Group-draw seats of one order or one customer (every one through the pager), from `GET /admin/fission/group-draws/members`. */
export function MemberSeats({ filter, title }: { filter: { order_id?: string; customer_id?: string }; title: string }) {
  const { t } = useTranslation("fission-group-draw")
  const f = useStoreFormat()
  const list = useServerList<Seat, { members: Seat[]; count: number }>({
    path: "/admin/fission/group-draws/members",
    rowsKey: "members",
    queryKey: ["fission-group-draw-members", filter],
    query: filter,
    pageSize: 10,
  })
  const refunds = useLoserRefunds(
    filter.order_id ? { order_id: filter.order_id } : { group_ids: [...new Set(list.rows.map((m) => m.group?.id).filter(Boolean) as string[])] }
  )
  // an order or customer without seats shows nothing: most orders are not group draws
  if (list.isLoading || !list.count) return null
  const columns = [
    col.display({
      id: "campaign",
      header: t("seats.campaignGroup"),
      cell: ({ row: { original: m } }) => (
        <>
          {m.group && m.campaign ? (
            <Link className="text-ui-fg-interactive" to={`/group-draws/${m.campaign.id}/groups/${m.group.id}`}>
              {m.campaign.title}
            </Link>
          ) : (
            "—"
          )}
          {m.group && (
            <Text size="xsmall" className="text-ui-fg-subtle">
              {t(`groupStatus.${m.group.status}`)} · {m.group.seats_taken}/{m.group.size} · {f.dateTime(m.joined_at)}
            </Text>
          )}
        </>
      ),
    }),
    col.accessor("seat", { header: t("seats.seat"), cell: ({ getValue }) => `#${getValue()}` }),
    col.accessor("status", {
      header: t("seats.result"),
      cell: ({ getValue }) => (
        <Badge size="2xsmall" color={statusColor(getValue())}>
          {t(`memberStatus.${getValue()}`)}
        </Badge>
      ),
    }),
    col.display({
      id: "refund",
      header: t("seats.refund"),
      cell: ({ row: { original: m } }) => {
        const r = refunds.get(m.order_id)
        return r ? (
          <Badge size="2xsmall" color={statusColor(r.status)}>
            {t(`refundStatus.${r.status}`)}
          </Badge>
        ) : (
          "—"
        )
      },
    }),
    col.accessor("envelope_share", { header: t("seats.envelope"), cell: ({ getValue }) => f.money(getValue()) }),
  ]
  return <DataList list={list} columns={columns} title={title} />
}
