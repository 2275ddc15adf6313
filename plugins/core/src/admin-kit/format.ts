import { useQuery } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import { sdk } from "./sdk.js"

/** Dashboard language codes (`zhCN`, `ptBR`, `en`) to BCP 47 locales for `Intl`. */
export function intlLocale(language: string | undefined): string {
  if (!language) return "en-US"
  const m = /^([a-z]{2})([A-Z]{2})$/.exec(language)
  return m ? `${m[1]}-${m[2]}` : language
}

export type StoreFormat = {
  /** The store's default currency (lower case), when it has one. */
  currency: string | undefined
  /** `store.metadata.time_zone` when set (an IANA name, as Fission's settings use), else the browser's. */
  timeZone: string
  locale: string
  /** Major units (Medusa stores prices in major units) in `currency` or the store's. */
  money: (amount: number | string | null | undefined, currency?: string | null) => string
  /** Date and time in the store's time zone. */
  dateTime: (iso: string | Date | null | undefined) => string
  /** Calendar date in the store's time zone. */
  date: (iso: string | Date | null | undefined) => string
  number: (n: number | string | null | undefined) => string
}

const browserTimeZone = () => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"
  } catch {
    return "UTC"
  }
}

/** Pure formatter, for tests and non-React code. */
export function makeFormat(opts: { currency?: string; timeZone?: string; locale?: string }): StoreFormat {
  const locale = opts.locale ?? "en-US"
  const timeZone = validTimeZone(opts.timeZone) ?? browserTimeZone()
  const dash = "—"
  const money = (amount: number | string | null | undefined, currency?: string | null) => {
    if (amount === null || amount === undefined || amount === "") return dash
    const n = Number(amount)
    if (!Number.isFinite(n)) return String(amount)
    const code = (currency ?? opts.currency)?.toUpperCase()
    if (!code) return n.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    try {
      return new Intl.NumberFormat(locale, { style: "currency", currency: code }).format(n)
    } catch {
      return `${n.toFixed(2)} ${code}`
    }
  }
  const fmt = (options: Intl.DateTimeFormatOptions) => (iso: string | Date | null | undefined) => {
    if (!iso) return dash
    const d = iso instanceof Date ? iso : new Date(iso)
    if (Number.isNaN(d.getTime())) return String(iso)
    return new Intl.DateTimeFormat(locale, { timeZone, ...options }).format(d)
  }
  return {
    currency: opts.currency,
    timeZone,
    locale,
    money,
    dateTime: fmt({ dateStyle: "medium", timeStyle: "short" }),
    date: fmt({ dateStyle: "medium" }),
    number: (n) => (n === null || n === undefined || n === "" ? dash : Number(n).toLocaleString(locale)),
  }
}

function validTimeZone(tz: unknown): string | undefined {
  if (typeof tz !== "string" || !tz) return undefined
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz })
    return tz
  } catch {
    return undefined
  }
}

type StoreRow = {
  supported_currencies?: { currency_code: string; is_default?: boolean }[]
  metadata?: Record<string, unknown> | null
}

/**
 * Money and dates in the store's default currency and time zone, in the dashboard's
 * language. The store is read once per session (cached by TanStack Query).
 */
export function useStoreFormat(): StoreFormat {
  const { i18n } = useTranslation()
  const { data } = useQuery({
    queryKey: ["fission-kit", "store"],
    queryFn: () => sdk.client.fetch<{ stores: StoreRow[] }>("/admin/stores", { query: { fields: "supported_currencies.*,metadata" } }),
    staleTime: 5 * 60_000,
  })
  const store = data?.stores?.[0]
  const currencies = store?.supported_currencies ?? []
  const currency = (currencies.find((c) => c.is_default) ?? currencies[0])?.currency_code
  const tz = (store?.metadata?.time_zone ?? store?.metadata?.timezone) as string | undefined
  return makeFormat({ currency, timeZone: tz, locale: intlLocale(i18n.language) })
}
