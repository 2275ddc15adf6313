import { createDataTableColumnHelper, ProductCampaigns, useStoreFormat } from "@fission/core/admin-kit"
import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { useTranslation } from "react-i18next"
import { Presale, statusColor } from "../lib/presale"

const col = createDataTableColumnHelper<Presale>()

/** Product page: pre-sales selling a variant of this product, every one through the pager. */
const ProductPresalesWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const { t } = useTranslation("fission-presale")
  const f = useStoreFormat()
  return (
    <ProductCampaigns<Presale>
      productId={product.id}
      path="/admin/fission/presales"
      rowsKey="presales"
      queryKey={["fission-presales"]}
      to="/presales"
      headers={{ title: t("list.presale"), status: t("list.status") }}
      columns={[
        col.accessor("current_price", { header: t("list.priceNow"), cell: ({ row: { original: p } }) => f.money(p.current_price, p.currency_code) }),
        col.accessor("participants", { header: t("list.participants") }),
      ]}
      status={(s) => ({ color: statusColor(s) as any, label: t(`status.${s}`) })}
      title={t("list.title")}
      empty={t("widget.noPresale")}
      allLabel={t("widget.all")}
    />
  )
}

export const config = defineWidgetConfig({ zone: "product.details.after" })

export default ProductPresalesWidget
