import {
  Container,
  DataTable,
  DataTableColumnDef,
  DataTableFilter,
  DataTableFilteringState,
  DataTablePaginationState,
  Heading,
  Table,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { ReactNode, useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { errorMessage } from "./errors.js"
import { sdk } from "./sdk.js"
import { KIT_NS } from "./i18n.js"

type Query = Record<string, unknown>

export type ServerListOptions<TRow, TData> = {
  /** Admin route answering `{ [rowsKey]: TRow[], count, limit, offset }`. */
  path: string
  rowsKey: keyof TData & string
  /** TanStack Query key prefix; the page, filters and `query` are appended. */
  queryKey: readonly unknown[]
  /** Fixed query params (e.g. `customer_id`). */
  query?: Query
  pageSize?: number
  /** Filters shown in the DataTable filter menu; their state is sent as query params. */
  filters?: DataTableFilter[]
  initialFiltering?: DataTableFilteringState
  /** Send the search box as `q` (only for routes that accept it). */
  search?: boolean
  refetchInterval?: number
  enabled?: boolean
}

export type ServerList<TRow, TData> = {
  rows: TRow[]
  count: number
  data: TData | undefined
  isLoading: boolean
  error: unknown
  refetch: () => void
  pagination: DataTablePaginationState
  setPagination: (p: DataTablePaginationState) => void
  filtering: DataTableFilteringState
  setFiltering: (f: DataTableFilteringState) => void
  search: string
  setSearch: (s: string) => void
  filters: DataTableFilter[] | undefined
  searchEnabled: boolean
}

/** Filter state to query params: empty values dropped, a one-element array sent as its value. */
export function filteringToQuery(filtering: DataTableFilteringState): Query {
  const out: Query = {}
  for (const [k, v] of Object.entries(filtering)) {
    if (v === undefined || v === null || v === "") continue
    if (Array.isArray(v)) {
      if (!v.length) continue
      out[k] = v.length === 1 ? v[0] : v
    } else out[k] = v
  }
  return out
}

/**
 * One server page of an admin list (limit/offset/count), its filters and search.
 * Every row is reachable through the pager: no list stops at a fixed limit.
 */
export function useServerList<TRow, TData extends Record<string, any> = Record<string, any>>(
  opts: ServerListOptions<TRow, TData>
): ServerList<TRow, TData> {
  const pageSize = opts.pageSize ?? 20
  const [pagination, setPaginationState] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize })
  const [filtering, setFilteringState] = useState<DataTableFilteringState>(opts.initialFiltering ?? {})
  const [search, setSearchState] = useState("")
  const query: Query = {
    ...(opts.query ?? {}),
    ...filteringToQuery(filtering),
    ...(opts.search && search ? { q: search } : {}),
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
  }
  const q = useQuery({
    queryKey: [...opts.queryKey, query],
    queryFn: () => sdk.client.fetch<TData>(opts.path, { query }),
    placeholderData: keepPreviousData,
    refetchInterval: opts.refetchInterval,
    enabled: opts.enabled,
  })
  const rows = ((q.data?.[opts.rowsKey] as TRow[] | undefined) ?? []) as TRow[]
  return {
    rows,
    count: Number(q.data?.count ?? rows.length),
    data: q.data,
    isLoading: q.isLoading,
    error: q.error,
    refetch: () => void q.refetch(),
    pagination,
    setPagination: setPaginationState,
    filtering,
    // A new filter or search starts again at the first page.
    setFiltering: (f) => {
      setFilteringState(f)
      setPaginationState((p) => ({ ...p, pageIndex: 0 }))
    },
    search,
    setSearch: (s) => {
      setSearchState(s)
      setPaginationState((p) => ({ ...p, pageIndex: 0 }))
    },
    filters: opts.filters,
    searchEnabled: !!opts.search,
  }
}

export type DataListProps<TRow, TData> = {
  list: ServerList<TRow, TData>
  columns: DataTableColumnDef<TRow, any>[]
  title?: ReactNode
  subtitle?: ReactNode
  /** Buttons or selects at the right of the heading. */
  actions?: ReactNode
  /** Shown between the heading and the table (stats, a chart). */
  children?: ReactNode
  getRowId?: (row: TRow) => string
  onRowClick?: (row: TRow) => void
  empty?: { heading?: string; description?: string }
  /** Render without the surrounding Container (inside a page that has one). */
  bare?: boolean
}

/**
 * A server-paginated list on `@medusajs/ui`'s DataTable: heading, filter menu,
 * search, empty / filtered-empty states, the API error in place, pagination.
 */
export function DataList<TRow, TData>({
  list,
  columns,
  title,
  subtitle,
  actions,
  children,
  getRowId,
  onRowClick,
  empty,
  bare,
}: DataListProps<TRow, TData>) {
  const { t } = useTranslation(KIT_NS)
  const table = useDataTable<TRow>({
    data: list.rows,
    columns,
    rowCount: list.count,
    isLoading: list.isLoading,
    getRowId: getRowId ? (row) => getRowId(row) : (row: any, i) => String(row?.id ?? i),
    pagination: { state: list.pagination, onPaginationChange: list.setPagination },
    filters: list.filters,
    filtering: list.filters?.length ? { state: list.filtering, onFilteringChange: list.setFiltering } : undefined,
    search: list.searchEnabled ? { state: list.search, onSearchChange: list.setSearch } : undefined,
    onRowClick: onRowClick ? (_e, row) => onRowClick(row) : undefined,
  })
  const emptyState = useMemo(
    () => ({
      empty: { heading: empty?.heading ?? t("kit.list.emptyHeading"), description: empty?.description ?? t("kit.list.emptyDescription") },
      filtered: { heading: t("kit.list.filteredHeading"), description: t("kit.list.filteredDescription") },
    }),
    [empty?.heading, empty?.description, t]
  )
  const hasToolbar = !!(title || actions || list.filters?.length || list.searchEnabled)
  const body = (
    <DataTable instance={table}>
      {hasToolbar && (
        <DataTable.Toolbar
          className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center"
          translations={{ clearAll: t("kit.list.clearAll") }}
        >
          <div>
            {title && <Heading level={bare ? "h2" : "h1"}>{title}</Heading>}
            {subtitle && (
              <Text size="small" className="text-ui-fg-subtle">
                {subtitle}
              </Text>
            )}
          </div>
          <div className="flex flex-wrap items-center gap-2">
            {list.filters?.length ? <DataTable.FilterMenu tooltip={t("kit.list.filter")} /> : null}
            {list.searchEnabled && <DataTable.Search placeholder={t("kit.list.search")} />}
            {actions}
          </div>
        </DataTable.Toolbar>
      )}
      {children}
      {list.error ? (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-error">
            {t("kit.list.error")}: {errorMessage(list.error)}
          </Text>
        </div>
      ) : (
        <DataTable.Table emptyState={emptyState} />
      )}
      <DataTable.Pagination
        translations={{
          of: t("kit.list.of"),
          results: t("kit.list.results"),
          pages: t("kit.list.pages"),
          prev: t("kit.list.prev"),
          next: t("kit.list.next"),
        }}
      />
    </DataTable>
  )
  return bare ? body : <Container className="divide-y p-0">{body}</Container>
}

/**
 * The dashboard's table pagination over server pages of `pageSize` rows, for pages that
 * keep a plain `Table` (nested rows, editable cells); lists use `DataList`.
 */
export function Pager({
  count,
  pageSize,
  pageIndex,
  onPageChange,
}: {
  count: number
  pageSize: number
  pageIndex: number
  onPageChange: (pageIndex: number) => void
}) {
  const { t } = useTranslation(KIT_NS)
  const pageCount = Math.max(1, Math.ceil(count / pageSize))
  return (
    <Table.Pagination
      count={count}
      pageSize={pageSize}
      pageIndex={pageIndex}
      pageCount={pageCount}
      canPreviousPage={pageIndex > 0}
      canNextPage={pageIndex + 1 < pageCount}
      previousPage={() => onPageChange(Math.max(0, pageIndex - 1))}
      nextPage={() => onPageChange(pageIndex + 1)}
      translations={{ of: t("kit.list.of"), results: t("kit.list.results"), pages: t("kit.list.pages"), prev: t("kit.list.prev"), next: t("kit.list.next") }}
    />
  )
}
