import { DependencyList, ReactNode, useCallback, useEffect, useRef, useState } from "react"
import { Link, useLocation } from "react-router-dom"
import { FissionError } from "./fission-sdk"
import { useI18n } from "./i18n"
import { useSession } from "./session"

/** The API's own message: Medusa's error body (`FissionError`, js-sdk `FetchError`) or the thrown text. */
export function errorMessage(e: unknown): string {
  if (!e) return ""
  if (FissionError.is(e)) return e.message || `HTTP ${e.status}`
  const anyE = e as { message?: string; status?: number; statusText?: string }
  if (anyE.message) return anyE.message
  if (anyE.status) return `HTTP ${anyE.status} ${anyE.statusText ?? ""}`.trim()
  return String(e)
}

export type Load<T> = {
  data: T | undefined
  error: unknown
  loading: boolean
  reload: () => Promise<void>
  setData: (d: T) => void
}

/** Runs `fn` on mount and whenever `deps` change; ignores answers of superseded runs. */
export function useLoad<T>(fn: () => Promise<T>, deps: DependencyList, { enabled = true } = {}): Load<T> {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<unknown>()
  const [loading, setLoading] = useState(enabled)
  const run = useRef(0)
  const fnRef = useRef(fn)
  fnRef.current = fn
  const reload = useCallback(async () => {
    const id = ++run.current
    setLoading(true)
    setError(undefined)
    try {
      const d = await fnRef.current()
      if (id === run.current) setData(d)
    } catch (e) {
      if (id === run.current) setError(e)
    } finally {
      if (id === run.current) setLoading(false)
    }
  }, [])
  useEffect(() => {
    if (enabled) void reload()
    else setLoading(false)
    return () => {
      run.current++
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, enabled])
  return { data, error, loading, reload, setData }
}

/** Polls `fn` every `ms` while `active`; errors are kept but do not stop polling. */
export function usePoll(fn: () => void, ms: number, active: boolean) {
  const ref = useRef(fn)
  ref.current = fn
  useEffect(() => {
    if (!active) return
    const h = window.setInterval(() => ref.current(), ms)
    return () => window.clearInterval(h)
  }, [ms, active])
}

/** A button action: pending flag, the API's error message, a success message. */
export function useAction() {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<unknown>()
  const [notice, setNotice] = useState<string>()
  const run = useCallback(async <T,>(fn: () => Promise<T>, success?: string | ((r: T) => string)): Promise<T | undefined> => {
    setPending(true)
    setError(undefined)
    setNotice(undefined)
    try {
      const r = await fn()
      if (success) setNotice(typeof success === "function" ? success(r) : success)
      return r
    } catch (e) {
      setError(e)
      return undefined
    } finally {
      setPending(false)
    }
  }, [])
  return { pending, error, notice, run, setError, setNotice }
}

export function Loading() {
  const { t } = useI18n()
  return (
    <div className="state loading" role="status">
      <span className="spinner" aria-hidden /> {t("loading")}
    </div>
  )
}

export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n()
  if (!error) return null
  return (
    <div className="state error" role="alert">
      <strong>{t("error_title")}</strong>
      <div>{errorMessage(error)}</div>
      {onRetry && (
        <button className="btn small ghost" onClick={onRetry}>
          {t("retry")}
        </button>
      )}
    </div>
  )
}

export function Notice({ text }: { text?: string }) {
  if (!text) return null
  return (
    <div className="state notice" role="status">
      {text}
    </div>
  )
}

export function Empty({ text }: { text?: string }) {
  const { t } = useI18n()
  return <div className="state empty">{text ?? t("empty")}</div>
}

/** Loading → error (with retry) → empty → content. */
export function Async<T>({
  state,
  isEmpty,
  emptyText,
  children,
}: {
  state: Load<T>
  isEmpty?: (d: T) => boolean
  emptyText?: string
  children: (d: T) => ReactNode
}) {
  if (state.loading && state.data === undefined) return <Loading />
  if (state.error && state.data === undefined) return <ErrorBox error={state.error} onRetry={() => void state.reload()} />
  if (state.data === undefined) return <Loading />
  return (
    <>
      {state.error ? <ErrorBox error={state.error} onRetry={() => void state.reload()} /> : null}
      {isEmpty?.(state.data) ? <Empty text={emptyText} /> : children(state.data)}
    </>
  )
}

/** Children only for a logged-in customer; otherwise a prompt to log in (and come back). */
export function RequireLogin({ children }: { children: ReactNode }) {
  const { customer, loading } = useSession()
  const { t } = useI18n()
  const loc = useLocation()
  if (loading) return <Loading />
  if (!customer)
    return (
      <div className="card center">
        <p>{t("login_required")}</p>
        <Link className="btn" to={`/login?next=${encodeURIComponent(loc.pathname + loc.search)}`}>
          {t("login")}
        </Link>
      </div>
    )
  return <>{children}</>
}

export function useFormat() {
  const { locale } = useI18n()
  return {
    money: (amount: number | string | null | undefined, currency?: string | null) => {
      if (amount === null || amount === undefined || amount === "") return "—"
      const n = Number(amount)
      if (!currency) return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n)
      try {
        return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(n)
      } catch {
        return `${n.toFixed(2)} ${currency.toUpperCase()}`
      }
    },
    num: (n: number | string | null | undefined) =>
      n === null || n === undefined ? "—" : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(Number(n)),
    date: (v: string | Date | null | undefined) => (v ? new Date(v).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" }) : "—"),
    day: (v: string | Date | null | undefined) => (v ? new Date(v).toLocaleDateString(locale, { dateStyle: "medium" }) : "—"),
  }
}

export function Page({ title, back, children, actions }: { title: string; back?: string; children: ReactNode; actions?: ReactNode }) {
  const { t } = useI18n()
  return (
    <section className="page">
      <header className="page-head">
        {back && (
          <Link to={back} className="back" aria-label={t("back")}>
            ‹
          </Link>
        )}
        <h1>{title}</h1>
        {actions}
      </header>
      {children}
    </section>
  )
}

export function Tabs<T extends string>({ value, options, onChange }: { value: T; options: { value: NoInfer<T>; label: string }[]; onChange: (v: T) => void }) {
  return (
    <div className="tabs" role="tablist">
      {options.map((o) => (
        <button key={o.value} role="tab" aria-selected={o.value === value} className={o.value === value ? "tab active" : "tab"} onClick={() => onChange(o.value)}>
          {o.label}
        </button>
      ))}
    </div>
  )
}

export function Progress({ value, max }: { value: number; max: number }) {
  const pct = max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0
  return (
    <div className="progress" role="progressbar" aria-valuenow={value} aria-valuemax={max}>
      <div style={{ width: `${pct}%` }} />
    </div>
  )
}

export function CopyButton({ text }: { text: string }) {
  const { t } = useI18n()
  const [done, setDone] = useState(false)
  return (
    <button
      className="btn small ghost"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text)
        } catch {
          const ta = document.createElement("textarea")
          ta.value = text
          document.body.appendChild(ta)
          ta.select()
          document.execCommand("copy")
          ta.remove()
        }
        setDone(true)
        window.setTimeout(() => setDone(false), 1500)
      }}
    >
      {done ? t("copied") : t("copy")}
    </button>
  )
}

/** Offset pager for `{ count, offset, limit }` lists. */
export function Pager({ count, offset, limit, onChange }: { count: number; offset: number; limit: number; onChange: (offset: number) => void }) {
  const { t } = useI18n()
  if (count <= limit) return null
  return (
    <div className="pager">
      <button className="btn small ghost" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        {t("previous")}
      </button>
      <span>
        {offset + 1}–{Math.min(count, offset + limit)} / {count}
      </span>
      <button className="btn small ghost" disabled={offset + limit >= count} onClick={() => onChange(offset + limit)}>
        {t("next")}
      </button>
    </div>
  )
}

export function Badge({ children, tone }: { children: ReactNode; tone?: "ok" | "warn" | "bad" | "info" }) {
  return <span className={`badge ${tone ?? ""}`}>{children}</span>
}
