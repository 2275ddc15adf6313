import { createDataTableColumnHelper, DataList, useServerList, useStoreFormat } from "@fission/core/admin-kit"
import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { Campaign, statusColor } from "../lib/group-draw"

const col = createDataTableColumnHelper<Campaign>()

/** Product page: group-draw campaigns selling a variant of this product, every one through the pager. */
const ProductGroupDrawsWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const { t } = useTranslation("fission-group-draw")
  const f = useStoreFormat()
  const list = useServerList<Campaign, { group_draws: Campaign[]; count: number }>({
    path: "/admin/fission/group-draws",
    rowsKey: "group_draws",
    queryKey: ["fission-group-draws", "product", product.id],
    query: { product_id: product.id },
    pageSize: 10,
  })
  const columns = [
    col.accessor("title", {
      header: t("campaigns.campaign"),
      cell: ({ row: { original: c } }) => (
        <Link className="text-ui-fg-interactive" to={`/group-draws/${c.id}`}>
          {c.title}
        </Link>
      ),
    }),
    col.accessor("price", { header: t("campaigns.price"), cell: ({ row: { original: c } }) => f.money(c.price, c.currency_code) }),
    col.accessor("winners", { header: t("campaigns.kOfN"), cell: ({ row: { original: c } }) => t("campaigns.kOfNValue", { k: c.winners, n: c.group_size }) }),
    col.accessor("status", {
      header: t("campaigns.status"),
      cell: ({ getValue }) => (
        <Badge size="2xsmall" color={statusColor(getValue())}>
          {t(`status.${getValue()}`)}
        </Badge>
      ),
    }),
  ]
  return (
    <DataList
      list={list}
      columns={columns}
      title={t("campaigns.title")}
      empty={{ heading: t("campaigns.noneForProduct") }}
      actions={
        <Link to="/group-draws" className="text-ui-fg-interactive txt-small">
          {t("campaigns.all")}
        </Link>
      }
    />
  )
}

export const config = defineWidgetConfig({ zone: "product.details.after" })

export default ProductGroupDrawsWidget
