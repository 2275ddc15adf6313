import { useEffect, useState } from "react"
import { useI18n } from "../i18n"
import { sdk } from "../sdk"
import { Async, Empty, ErrorBox, Loading, Page, RequireLogin, Tabs, useFormat, useLoad } from "../ui"

const ASSETS = ["commission", "points", "growth", "dividend_points", "shopping_fund", "voucher", "store_credit"] as const
type Asset = (typeof ASSETS)[number]
const MONEY_ASSETS = new Set(["commission", "shopping_fund", "store_credit"])

export function Wallet() {
  const { t } = useI18n()
  return (
    <Page title={t("wallet")}>
      <RequireLogin>
        <WalletInner />
      </RequireLogin>
    </Page>
  )
}

function WalletInner() {
  const { t, tk } = useI18n()
  const f = useFormat()
  const wallet = useLoad(() => sdk.fission.wallet.retrieve(), [])
  const amount = (asset: string, v: number, currency?: string | null) => (MONEY_ASSETS.has(asset) ? f.money(v, currency) : f.num(v))
  return (
    <>
      <Async state={wallet}>
        {({ wallet: w }) => (
          <>
            <div className="card hero small">
              <div className="muted">{t("store_credit")}</div>
              {(w.store_credit ?? []).length ? (
                (w.store_credit as any[]).map((s) => (
                  <div key={s.account_id} className="price big">
                    {f.money(s.balance, s.currency_code)}
                  </div>
                ))
              ) : (
                <div className="price big">{f.money(0, null)}</div>
              )}
            </div>
            <h2>{t("assets")}</h2>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>{t("asset")}</th>
                    <th>{t("available")}</th>
                    <th>{t("pending_in")}</th>
                    <th>{t("pending_out")}</th>
                  </tr>
                </thead>
                <tbody>
                  {(w.balances as any[]).map((b) => (
                    <tr key={`${b.asset}-${b.currency_code}`}>
                      <td>
                        {tk("asset", b.asset)}
                        {b.debt > 0 && <div className="bad small">{t("debt")}: {amount(b.asset, b.debt, b.currency_code)}</div>}
                      </td>
                      <td className="strong">{amount(b.asset, b.available, b.currency_code)}</td>
                      <td>{amount(b.asset, b.pending_in, b.currency_code)}</td>
                      <td>{amount(b.asset, b.pending_out, b.currency_code)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Async>
      <h2>{t("history")}</h2>
      <History />
    </>
  )
}

/** Cursor-paged history: `next_cursor` of one page asks for the next. */
function History() {
  const { t, tk } = useI18n()
  const f = useFormat()
  const [asset, setAsset] = useState<Asset | "all">("all")
  const [lines, setLines] = useState<any[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<unknown>()

  const load = async (from: string | null, reset: boolean) => {
    setLoading(true)
    setError(undefined)
    try {
      const page: any = await sdk.fission.wallet.history({ limit: 20, ...(asset !== "all" ? { asset } : {}), ...(from ? { cursor: from } : {}) })
      setLines((prev) => (reset ? page.postings : [...prev, ...page.postings]))
      setCursor(page.next_cursor ?? null)
    } catch (e) {
      setError(e)
    } finally {
      setLoading(false)
    }
  }
  useEffect(() => {
    setLines([])
    setCursor(null)
    void load(null, true)
  }, [asset]) // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <>
      <Tabs<Asset | "all"> value={asset} onChange={setAsset} options={[{ value: "all" as const, label: t("all") }, ...ASSETS.map((a) => ({ value: a, label: tk("asset", a) }))]} />
      {!loading && !error && !lines.length && <Empty />}
      <ul className="list compact">
        {lines.map((l) => (
          <li key={`${l.asset}-${l.id}`}>
            <div className="grow">
              <div>
                {tk("asset", l.asset)} · {l.reason}
                {l.status && l.status !== "posted" ? ` · ${l.status}` : ""}
              </div>
              <div className="muted">{f.date(l.created_at)}</div>
            </div>
            <span className={Number(l.amount) < 0 ? "bad right" : "ok right"}>
              {Number(l.amount) > 0 ? "+" : ""}
              {MONEY_ASSETS.has(l.asset) ? f.money(l.amount, l.currency_code) : f.num(l.amount)}
            </span>
          </li>
        ))}
      </ul>
      {loading && <Loading />}
      <ErrorBox error={error} onRetry={() => void load(cursor, !lines.length)} />
      {!loading && cursor && (
        <button className="btn ghost block" onClick={() => void load(cursor, false)}>
          {t("load_more")}
        </button>
      )}
    </>
  )
}
