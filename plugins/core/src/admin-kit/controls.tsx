import { Select, Table } from "@medusajs/ui"
import { ReactNode } from "react"

/** A small Select over fixed options (filters in card headers: asset, period…). */
export function SelectInput({
  value,
  onValueChange,
  options,
  className,
}: {
  value: string
  onValueChange: (value: string) => void
  options: { value: string; label: ReactNode }[]
  /** Width of the wrapper, e.g. `w-[200px]`. */
  className?: string
}) {
  return (
    <div className={className}>
      <Select size="small" value={value} onValueChange={onValueChange}>
        <Select.Trigger>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          {options.map((o) => (
            <Select.Item key={o.value} value={o.value}>
              {o.label}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )
}

/** A plain table of a few already-loaded rows: a header cell per column, `cells(row)` per row. */
export function RowsTable<TRow>({
  headers,
  rows,
  rowKey,
  cells,
}: {
  headers: ReactNode[]
  rows: TRow[]
  rowKey: (row: TRow) => string
  cells: (row: TRow) => ReactNode[]
}) {
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          {headers.map((h, i) => (
            <Table.HeaderCell key={i}>{h}</Table.HeaderCell>
          ))}
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((r) => (
          <Table.Row key={rowKey(r)}>
            {cells(r).map((c, i) => (
              <Table.Cell key={i}>{c}</Table.Cell>
            ))}
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

/** A column of stacked blocks, 12px apart: the cards of a page, the parts of a section. */
export function Stack({ children }: { children: ReactNode }) {
  return <div className="flex flex-col gap-y-3">{children}</div>
}
