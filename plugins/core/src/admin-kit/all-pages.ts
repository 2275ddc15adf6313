import { useQuery } from "@tanstack/react-query"
import { sdk } from "./sdk.js"

/**
 * Every row of a paginated admin list, fetched page by page until `count` is reached
 * (for pickers and lookups: levels, ranks, templates). `pageSize` is the page the
 * route accepts, not a cap.
 */
export async function fetchAllPages<TRow>(path: string, rowsKey: string, query: Record<string, unknown> = {}, pageSize = 100): Promise<TRow[]> {
  const rows: TRow[] = []
  for (let offset = 0; ; offset += pageSize) {
    const page = await sdk.client.fetch<Record<string, any>>(path, { query: { ...query, limit: pageSize, offset } })
    const got = (page?.[rowsKey] as TRow[] | undefined) ?? []
    rows.push(...got)
    const count = typeof page?.count === "number" ? page.count : undefined
    if (!got.length || got.length < pageSize || (count !== undefined && rows.length >= count)) return rows
  }
}

export function useAllPages<TRow>(
  queryKey: readonly unknown[],
  path: string,
  rowsKey: string,
  query: Record<string, unknown> = {},
  opts: { enabled?: boolean; pageSize?: number } = {}
) {
  return useQuery({
    queryKey: [...queryKey, "all", query],
    queryFn: () => fetchAllPages<TRow>(path, rowsKey, query, opts.pageSize),
    enabled: opts.enabled,
  })
}
