import { Badge, createDataTableColumnHelper, DataTableColumnDef } from "@medusajs/ui"
import { ComponentProps } from "react"
import { Link } from "react-router-dom"
import { DataList, useServerList } from "./data-list.js"

type Campaign = { id: string; title: string; status: string }

/**
 * The body of a product-page widget listing one plugin's campaigns (group draws, pre-sales…)
 * that sell a variant of the product: `GET <path>?product_id=…`, every one through the pager;
 * columns: the title linking to `<to>/<id>`, the plugin's own `columns`, the status badge;
 * and a link to the plugin's list page `to`.
 */
export function ProductCampaigns<TRow extends Campaign>({
  productId,
  path,
  rowsKey,
  queryKey,
  to,
  headers,
  columns,
  status,
  title,
  empty,
  allLabel,
}: {
  productId: string
  path: string
  rowsKey: string
  queryKey: readonly unknown[]
  /** The plugin's list page; a campaign's page is `<to>/<id>`. */
  to: string
  headers: { title: string; status: string }
  columns: DataTableColumnDef<TRow, any>[]
  status: (status: TRow["status"]) => { color: ComponentProps<typeof Badge>["color"]; label: string }
  title: string
  empty: string
  allLabel: string
}) {
  const list = useServerList<TRow, Record<string, unknown>>({ path, rowsKey, queryKey: [...queryKey, "product", productId], query: { product_id: productId }, pageSize: 10 })
  const col = createDataTableColumnHelper<Campaign>()
  const all = [
    col.accessor("title", {
      header: headers.title,
      cell: ({ row: { original: c } }) => (
        <Link className="text-ui-fg-interactive" to={`${to}/${c.id}`}>
          {c.title}
        </Link>
      ),
    }),
    ...columns,
    col.accessor("status", {
      header: headers.status,
      cell: ({ getValue }) => {
        const s = status(getValue())
        return (
          <Badge size="2xsmall" color={s.color}>
            {s.label}
          </Badge>
        )
      },
    }),
  ] as DataTableColumnDef<TRow, any>[]
  return (
    <DataList
      list={list}
      columns={all}
      title={title}
      empty={{ heading: empty }}
      actions={
        <Link to={to} className="text-ui-fg-interactive txt-small">
          {allLabel}
        </Link>
      }
    />
  )
}
