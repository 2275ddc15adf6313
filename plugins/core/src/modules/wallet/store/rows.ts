export type Trx = { raw: (sql: string, bindings?: any) => Promise<{ rows: any[] }> }

export const rawNumber = (value: string) => JSON.stringify({ value, precision: 20 })

/** A row with its bigNumber columns as exact decimal strings (from their `raw_` twins). */
export function decimals<T>(row: any, columns: string[]): T {
  if (!row) return row
  const out = { ...row }
  for (const c of columns) out[c] = String(row[`raw_${c}`]?.value ?? row[c] ?? "0")
  return out as T
}
