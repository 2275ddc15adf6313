import { createDataTableColumnHelper, ProductCampaigns, useStoreFormat } from "@fission/core/admin-kit"
import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { useTranslation } from "react-i18next"
import { Campaign, statusColor } from "../lib/group-draw"

const col = createDataTableColumnHelper<Campaign>()

/** Product page: group-draw campaigns selling a variant of this product, every one through the pager. */
const ProductGroupDrawsWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const { t } = useTranslation("fission-group-draw")
  const f = useStoreFormat()
  return (
    <ProductCampaigns<Campaign>
      productId={product.id}
      path="/admin/fission/group-draws"
      rowsKey="group_draws"
      queryKey={["fission-group-draws"]}
      to="/group-draws"
      headers={{ title: t("campaigns.campaign"), status: t("campaigns.status") }}
      columns={[
        col.accessor("price", { header: t("campaigns.price"), cell: ({ row: { original: c } }) => f.money(c.price, c.currency_code) }),
        col.accessor("winners", { header: t("campaigns.kOfN"), cell: ({ row: { original: c } }) => t("campaigns.kOfNValue", { k: c.winners, n: c.group_size }) }),
      ]}
      status={(s) => ({ color: statusColor(s), label: t(`status.${s}`) })}
      title={t("campaigns.title")}
      empty={t("campaigns.noneForProduct")}
      allLabel={t("campaigns.all")}
    />
  )
}

export const config = defineWidgetConfig({ zone: "product.details.after" })

export default ProductGroupDrawsWidget
