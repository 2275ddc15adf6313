import { Link, useNavigate, useParams } from "react-router-dom"
import { randomClientSeed } from "../fission-sdk"
import { useI18n } from "../i18n"
import { sdk } from "../sdk"
import { seatCart } from "../cart"
import { useSession } from "../session"
import { Async, Badge, ErrorBox, Page, Progress, useAction, useFormat, useLoad, usePoll } from "../ui"

export function PresaleList() {
  const { t, tk } = useI18n()
  const f = useFormat()
  const list = useLoad(() => sdk.fission.presales.list({ limit: 50 }), [])
  return (
    <Page title={t("presales")}>
      <Async state={list} isEmpty={(d) => !d.presales.length}>
        {(d) => (
          <div className="cards">
            {d.presales.map((p: any) => (
              <Link key={p.id} to={`/presales/${p.id}`} className="card link">
                <div className="row spread">
                  <strong>{p.title}</strong>
                  <Badge tone={p.status === "active" ? "ok" : "info"}>{tk("presale_status", p.status)}</Badge>
                </div>
                <div className="row spread">
                  <span className="price big">{f.money(p.current_price, p.currency_code)}</span>
                  <span className="muted">
                    {t("participants")}: {f.num(p.participants)}
                  </span>
                </div>
                <PresaleProgress p={p} />
              </Link>
            ))}
          </div>
        )}
      </Async>
    </Page>
  )
}

function PresaleProgress({ p }: { p: any }) {
  const { t } = useI18n()
  const f = useFormat()
  const next = p.next_rebate_threshold
  const prev = next ? next - p.step_interval : 0
  return (
    <>
      <Progress value={next ? p.participants - prev : 1} max={next ? p.step_interval : 1} />
      <div className="muted small">
        {next
          ? t("next_rebate", { n: f.num(next), left: f.num(next - p.participants), step: f.money(p.step_amount, p.currency_code) })
          : t("max_rebates_reached")}
      </div>
    </>
  )
}

export function PresalePage() {
  const { id = "" } = useParams()
  const { t, tk } = useI18n()
  const f = useFormat()
  const navigate = useNavigate()
  const { customer } = useSession()
  const presale = useLoad(() => sdk.fission.presales.retrieve(id), [id, customer?.id])
  const draws = useLoad(() => sdk.fission.presales.draws(id, { limit: 20 }), [id])
  usePoll(() => void presale.reload(), 15000, presale.data?.presale.status === "active")
  const action = useAction()
  const join = () => {
    if (!customer) return navigate(`/login?next=${encodeURIComponent(`/presales/${id}`)}`)
    return action.run(async () => {
      // the plugin prices the line at the current tier and tags it; the client seed joins the draws' inputs
      const cartId = await seatCart((cart_id) => sdk.fission.presales.addToCart(id, { cart_id, client_seed: randomClientSeed() }))
      navigate(`/checkout?cart=${cartId}&next=${encodeURIComponent(`/presales/${id}`)}`)
    })
  }
  return (
    <Page title={presale.data?.presale.title ?? t("presale")} back="/presales">
      <Async state={presale}>
        {({ presale: p }) => (
          <>
            <div className="card">
              {p.description && <p>{p.description}</p>}
              <div className="row spread">
                <div>
                  <div className="muted">{t("current_price")}</div>
                  <div className="price big">{f.money(p.current_price, p.currency_code)}</div>
                </div>
                <div className="right">
                  <div className="muted">
                    {t("base_price")} <s>{f.money(p.base_price, p.currency_code)}</s>
                  </div>
                  <div className="muted">
                    {t("final_price")} {f.money(p.final_price_at_max_steps, p.currency_code)}
                  </div>
                </div>
              </div>
              <div>
                {t("participants")}: <b>{f.num(p.participants)}</b>
                {p.max_participants ? ` / ${f.num(p.max_participants)}` : ""}
              </div>
              <PresaleProgress p={p} />
              {p.next_free_draw_at && <div className="small">🎉 {t("next_free_draw", { n: f.num(p.next_free_draw_at) })}</div>}
              <div className="small">{t("free_orders_drawn", { n: p.free_orders_drawn ?? 0 })}</div>
              <ul className="rules">
                <li>
                  {t("presale_rule", {
                    step: f.money(p.step_amount, p.currency_code),
                    interval: p.step_interval,
                    max: p.max_steps,
                    free: p.free_interval ?? "—",
                  })}
                </li>
                <li>{t("early_bird")}</li>
                {p.ends_at && <li>{t("ends", { date: f.date(p.ends_at) })}</li>}
                {p.shipping_date && <li>{t("ships", { date: f.day(p.shipping_date) })}</li>}
              </ul>
              {p.status === "active" && (
                <button className="btn block" disabled={action.pending} onClick={join}>
                  {customer ? t("join_presale", { price: f.money(p.current_price, p.currency_code) }) : t("login_to_join")}
                </button>
              )}
              <ErrorBox error={action.error} />
            </div>
            {p.me?.participations?.length > 0 && (
              <div className="card">
                <h2>{t("my_participation")}</h2>
                <ul className="list compact">
                  {p.me.participations.map((x: any) => (
                    <li key={x.id}>
                      <div className="grow">
                        <div>
                          <b>{t("position", { n: x.number ?? "…" })}</b> {x.free_order && <Badge tone="ok">{t("free_order")}</Badge>}
                        </div>
                        <div className="muted small">
                          {t("paid")} {f.money(x.paid, p.currency_code)} · {t("refunds_owed")} {f.money(x.refunds_owed, p.currency_code)} · {t("draws_entered")}{" "}
                          {x.draws_entered}
                        </div>
                      </div>
                      <span className="right">
                        <div className="muted small">{t("net_price")}</div>
                        <b>{f.money(x.net_price, p.currency_code)}</b>
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )}
      </Async>
      <h2>{t("draws")}</h2>
      <Async state={draws} isEmpty={(d) => !d.draws.length}>
        {(d) => (
          <ul className="list compact">
            {d.draws.map((r: any) => (
              <li key={r.round}>
                <span className="grow">
                  {t("round", { n: r.round })} · {f.num(r.threshold)} {t("participants")} · <Badge>{tk("round_status", r.status)}</Badge>
                </span>
                <Link className="btn small ghost" to={`/draws/${r.draw_id}${r.digest ? `?digest=${r.digest}` : ""}`}>
                  {t("verify_draw")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Async>
    </Page>
  )
}
