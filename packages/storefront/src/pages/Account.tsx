import { Link, useNavigate } from "react-router-dom"
import { useI18n } from "../i18n"
import { sdk } from "../sdk"
import { useSession } from "../session"
import { Async, Page, RequireLogin, useFormat, useLoad } from "../ui"

export function Account() {
  const { t } = useI18n()
  return (
    <Page title={t("me")}>
      <RequireLogin>
        <AccountInner />
      </RequireLogin>
    </Page>
  )
}

function AccountInner() {
  const { t } = useI18n()
  const f = useFormat()
  const { customer, logout } = useSession()
  const navigate = useNavigate()
  const orders = useLoad(async () => {
    const { orders } = await sdk.store.order.list({ limit: 10, order: "-created_at", fields: "id,display_id,status,total,currency_code,created_at,payment_status" } as any)
    return orders as any[]
  }, [customer?.id])
  const links: [string, string][] = [
    ["/wallet", t("wallet")],
    ["/referral", t("referral")],
    ["/rebates", t("rebates")],
    ["/membership", t("membership")],
    ["/points-mall", t("points_mall")],
    ["/group-draws", t("group_draws")],
    ["/presales", t("presales")],
    ["/blind-boxes", t("blind_boxes")],
  ]
  const name = [customer?.last_name, customer?.first_name].filter(Boolean).join("") || customer?.email
  return (
    <>
      <div className="card row spread">
        <div>
          <strong>{t("hello", { name })}</strong>
          <div className="muted">{customer?.email}</div>
        </div>
        <button
          className="btn small ghost"
          onClick={async () => {
            await logout()
            navigate("/")
          }}
        >
          {t("logout")}
        </button>
      </div>
      <div className="menu">
        {links.map(([to, label]) => (
          <Link key={to} to={to}>
            {label} <span aria-hidden>›</span>
          </Link>
        ))}
      </div>
      <h2>{t("my_orders")}</h2>
      <Async state={orders} isEmpty={(o) => !o.length} emptyText={t("no_orders")}>
        {(list) => (
          <ul className="list compact">
            {list.map((o) => (
              <li key={o.id}>
                #{o.display_id} · {f.date(o.created_at)} · {o.payment_status ?? o.status}
                <span className="right">{f.money(o.total, o.currency_code)}</span>
              </li>
            ))}
          </ul>
        )}
      </Async>
    </>
  )
}
