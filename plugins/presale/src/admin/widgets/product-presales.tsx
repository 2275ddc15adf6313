import { createDataTableColumnHelper, DataList, useServerList, useStoreFormat } from "@fission/core/admin-kit"
import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { Presale, statusColor } from "../lib/presale"

const col = createDataTableColumnHelper<Presale>()

/** Product page: pre-sales selling a variant of this product, every one through the pager. */
const ProductPresalesWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const { t } = useTranslation("fission-presale")
  const f = useStoreFormat()
  const list = useServerList<Presale, { presales: Presale[]; count: number }>({
    path: "/admin/fission/presales",
    rowsKey: "presales",
    queryKey: ["fission-presales", "product", product.id],
    query: { product_id: product.id },
    pageSize: 10,
  })
  const columns = [
    col.accessor("title", {
      header: t("list.presale"),
      cell: ({ row: { original: p } }) => (
        <Link className="text-ui-fg-interactive" to={`/presales/${p.id}`}>
          {p.title}
        </Link>
      ),
    }),
    col.accessor("current_price", { header: t("list.priceNow"), cell: ({ row: { original: p } }) => f.money(p.current_price, p.currency_code) }),
    col.accessor("participants", { header: t("list.participants") }),
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
    <DataList
      list={list}
      columns={columns}
      title={t("list.title")}
      empty={{ heading: t("widget.noPresale") }}
      actions={
        <Link to="/presales" className="text-ui-fg-interactive txt-small">
          {t("widget.all")}
        </Link>
      }
    />
  )
}

export const config = defineWidgetConfig({ zone: "product.details.after" })

export default ProductPresalesWidget
