import { useState } from "react"
import { Link } from "react-router-dom"
import { useI18n } from "../i18n"
import { sdk } from "../sdk"
import { useCart } from "../cart"
import { Async, Badge, ErrorBox, Notice, Page, Progress, RequireLogin, useAction, useFormat, useLoad } from "../ui"

export function Membership() {
  const { t } = useI18n()
  return (
    <Page title={t("membership")}>
      <RequireLogin>
        <MembershipInner />
      </RequireLogin>
    </Page>
  )
}

function MembershipInner() {
  const { t } = useI18n()
  const f = useFormat()
  const membership = useLoad(() => sdk.fission.membership.retrieve(), [])
  return (
    <>
      <Async state={membership}>
        {({ membership: m }) => (
          <>
            <div className="card hero small">
              <div className="row spread">
                <div>
                  <div className="muted">{t("member_level")}</div>
                  <div className="price big">{m.level?.name ?? "—"}</div>
                </div>
                <div className="right">
                  <div className="muted">{t("points_available")}</div>
                  <div className="price big">{f.num(m.points?.available)}</div>
                </div>
              </div>
              <div>
                {t("growth")}: <b>{f.num(m.growth)}</b>
              </div>
              {m.next_level ? (
                <>
                  <Progress value={Number(m.qualifying_growth)} max={Number(m.next_level.growth_threshold)} />
                  <div className="muted small">
                    {t("next_level", { name: m.next_level.name })} · {t("growth_to_next", { n: f.num(m.growth_to_next_level) })}
                  </div>
                </>
              ) : (
                <div className="muted small">{t("top_level")}</div>
              )}
              {Number(m.points?.pending) > 0 && (
                <div className="small">
                  {t("points_pending")}: {f.num(m.points.pending)}
                </div>
              )}
              {Number(m.points?.expiring_soon) > 0 && (
                <div className="warn small">{t("expiring_soon", { n: f.num(m.points.expiring_soon), days: m.points.expiring_within_days })}</div>
              )}
            </div>
            {m.level && (
              <div className="card">
                <h2>{t("benefits")}</h2>
                <ul className="rules">
                  <li>{t("multiplier", { n: m.level.points_multiplier })}</li>
                  {m.level.free_shipping_threshold != null && <li>{t("free_shipping_from", { n: f.num(m.level.free_shipping_threshold) })}</li>}
                  {m.level.description && <li>{m.level.description}</li>}
                </ul>
              </div>
            )}
            {m.shopping_fund && (Number(m.shopping_fund.locked) > 0 || Number(m.shopping_fund.released_total) > 0) && (
              <div className="card">
                <h2>{t("shopping_fund")}</h2>
                <div className="stats">
                  <div>
                    <b>{f.num(m.shopping_fund.locked)}</b>
                    {t("locked")}
                  </div>
                  <div>
                    <b>{f.num(m.shopping_fund.released_total)}</b>
                    {t("released")}
                  </div>
                </div>
              </div>
            )}
          </>
        )}
      </Async>
      <CheckIns onChange={() => void membership.reload()} />
      <Tasks onChange={() => void membership.reload()} />
      <Link className="btn block ghost" to="/points-mall">
        {t("points_mall")} ›
      </Link>
      <Coupons />
      <Statement />
    </>
  )
}

function monthOf(d: Date) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`
}
function shiftMonth(month: string, delta: number) {
  const [y, m] = month.split("-").map(Number)
  return monthOf(new Date(y, m - 1 + delta, 1))
}

function CheckIns({ onChange }: { onChange: () => void }) {
  const { t, locale } = useI18n()
  const [month, setMonth] = useState<string | undefined>(undefined)
  const cal = useLoad(() => sdk.fission.checkIns.list(month ? { month } : {}), [month])
  const action = useAction()
  const checkIn = () =>
    action.run(
      async () => {
        const { check_in } = await sdk.fission.checkIns.create()
        await cal.reload()
        onChange()
        return check_in
      },
      (c: any) => t("check_in_done", { points: c.points, streak: c.streak })
    )
  const makeup = (date: string) =>
    action.run(async () => {
      await sdk.fission.checkIns.makeup({ date })
      await cal.reload()
      onChange()
    }, t("done"))
  return (
    <div className="card">
      <h2>{t("check_in_calendar")}</h2>
      <Async state={cal}>
        {({ calendar: c, streak_bonuses }) => {
          const days: any[] = c.days ?? []
          const first = days[0]?.date ? new Date(`${days[0].date}T00:00:00`) : null
          const lead = first ? (first.getDay() + 6) % 7 : 0 // Monday first
          const label = first ? first.toLocaleDateString(locale, { year: "numeric", month: "long" }) : c.month
          return (
            <>
              <div className="row spread">
                <button className="btn small ghost" onClick={() => setMonth(shiftMonth(c.month, -1))}>
                  ‹
                </button>
                <strong>{label}</strong>
                <button className="btn small ghost" disabled={c.today && c.month >= String(c.today).slice(0, 7)} onClick={() => setMonth(shiftMonth(c.month, 1))}>
                  ›
                </button>
              </div>
              <div className="calendar">
                {Array.from({ length: lead }, (_, i) => (
                  <span key={`x${i}`} />
                ))}
                {days.map((d) => {
                  const past = c.today && d.date < c.today
                  return (
                    <span key={d.date} className={`${d.checked_in ? "on" : ""} ${d.date === c.today ? "today" : ""}`} title={d.points ? `+${d.points}` : undefined}>
                      {Number(d.date.slice(8))}
                      {!d.checked_in && past && (
                        <button className="makeup" disabled={action.pending} onClick={() => makeup(d.date)} title={t("makeup")}>
                          +
                        </button>
                      )}
                    </span>
                  )
                })}
              </div>
              <div className="muted small">
                {t("streak", { n: c.streak ?? 0 })}
                {Array.isArray(streak_bonuses) && streak_bonuses.length > 0 &&
                  ` · ${(streak_bonuses as any[]).map((b) => `${b.day ?? b.days}: +${b.points}`).join(" · ")}`}
              </div>
              <button className="btn block" disabled={action.pending || c.checked_in_today} onClick={checkIn}>
                {c.checked_in_today ? t("checked_in") : t("check_in")}
              </button>
            </>
          )
        }}
      </Async>
      <ErrorBox error={action.error} />
      <Notice text={action.notice} />
    </div>
  )
}

function Tasks({ onChange }: { onChange: () => void }) {
  const { t } = useI18n()
  const tasks = useLoad(() => sdk.fission.tasks.list(), [])
  const action = useAction()
  const claim = (id: string) =>
    action.run(async () => {
      await sdk.fission.tasks.claim(id)
      await tasks.reload()
      onChange()
    }, t("claimed"))
  return (
    <div className="card">
      <h2>{t("tasks")}</h2>
      <Async state={tasks} isEmpty={(d) => !d.tasks.length} emptyText={t("no_tasks")}>
        {(d) => (
          <ul className="list compact">
            {d.tasks.map((task: any) => {
              const r = task.reward ?? {}
              const rewards = [
                r.points ? t("reward_points", { n: r.points }) : null,
                r.growth ? t("reward_growth", { n: r.growth }) : null,
                r.coupon ? t("reward_coupon") : null,
              ].filter(Boolean)
              const p = task.progress ?? {}
              return (
                <li key={task.id}>
                  <div className="grow">
                    <div>{task.title}</div>
                    {task.description && <div className="muted small">{task.description}</div>}
                    <div className="small">
                      {t("reward")}: {rewards.join(" + ") || "—"}
                      {p.total != null && ` · ${p.total}${task.cap ? `/${task.cap}` : ""}`}
                    </div>
                    {p.missing_fields?.length > 0 && <div className="warn small">{p.missing_fields.join(", ")}</div>}
                  </div>
                  {p.can_claim ? (
                    <button className="btn small" disabled={action.pending} onClick={() => claim(task.id)}>
                      {t("claim")}
                    </button>
                  ) : p.available === false ? (
                    <Badge tone="ok">✓</Badge>
                  ) : null}
                </li>
              )
            })}
          </ul>
        )}
      </Async>
      <ErrorBox error={action.error} />
      <Notice text={action.notice} />
    </div>
  )
}

function Coupons() {
  const { t } = useI18n()
  const f = useFormat()
  const coupons = useLoad(() => sdk.fission.coupons.list(), [])
  return (
    <div className="card">
      <h2>{t("coupons")}</h2>
      <Async state={coupons} isEmpty={(d) => !d.coupons.length}>
        {(d) => (
          <ul className="list compact">
            {d.coupons.map((c: any) => (
              <li key={c.code}>
                <code className="grow">{c.code}</code>
                <span className="muted small">
                  {c.reason} · {f.day(c.granted_at)} {c.used ? `· ${t("used")}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Async>
    </div>
  )
}

function Statement() {
  const { t } = useI18n()
  const f = useFormat()
  const st = useLoad(() => sdk.fission.points.statement(), [])
  const total = (x: any) => (typeof x === "object" && x ? x.total : x)
  return (
    <div className="card">
      <h2>{t("statement")}</h2>
      <Async state={st}>
        {({ statement: s }) => (
          <div className="stats">
            <div>
              <b className="ok">{f.num(total(s.earned))}</b>
              {t("earned")}
            </div>
            <div>
              <b>{f.num(total(s.spent))}</b>
              {t("spent")}
            </div>
            <div>
              <b className="bad">{f.num(total(s.expired))}</b>
              {t("expired")}
            </div>
          </div>
        )}
      </Async>
    </div>
  )
}

export function PointsMall() {
  const { t } = useI18n()
  return (
    <Page title={t("points_mall")} back="/membership">
      <RequireLogin>
        <PointsMallInner />
      </RequireLogin>
    </Page>
  )
}

function PointsMallInner() {
  const { t } = useI18n()
  const f = useFormat()
  const { addItem } = useCart()
  const membership = useLoad(() => sdk.fission.membership.retrieve(), [])
  const items = useLoad(() => sdk.fission.pointsMall.list(), [])
  const action = useAction()
  const redeem = (item: any) =>
    action.run(
      async () => {
        const { redemption } = await sdk.fission.pointsMall.redeem(item.id)
        await Promise.all([items.reload(), membership.reload()])
        return redemption
      },
      (r: any) => (r.code ? `${t("redeemed")} — ${t("coupon_code", { code: r.code })}` : r.credit_amount ? `${t("redeemed")} — ${f.money(r.credit_amount, r.currency_code)}` : t("redeemed"))
    )
  const toCart = (item: any) => action.run(() => addItem(item.variant_id, 1), t("added_to_cart"))
  return (
    <>
      <div className="card row spread">
        <span className="muted">{t("points_available")}</span>
        <b className="price">{membership.data ? f.num(membership.data.membership.points?.available) : "…"}</b>
      </div>
      <ErrorBox error={action.error} />
      <Notice text={action.notice} />
      {action.notice === t("added_to_cart") && (
        <Link className="btn small ghost" to="/cart">
          {t("cart")} ›
        </Link>
      )}
      <Async state={items} isEmpty={(d) => !d.items.length}>
        {(d) => (
          <div className="cards">
            {d.items.map((i: any) => (
              <div key={i.id} className="card">
                <div className="row spread">
                  <strong>{i.title}</strong>
                  <span className="price">
                    {f.num(i.points_cost)} {t("points")}
                    {Number(i.cash_price) > 0 ? ` + ${f.money(i.cash_price, i.currency_code)}` : ""}
                  </span>
                </div>
                {i.description && <p className="muted small">{i.description}</p>}
                <div className="muted small">
                  {i.stock != null && t("stock", { n: i.stock })}
                  {i.remaining_for_me != null && ` · ${t("remaining_for_me", { n: i.remaining_for_me })}`}
                  {i.kind === "store_credit" && i.credit_amount ? ` · → ${f.money(i.credit_amount, i.currency_code)}` : ""}
                </div>
                {!i.eligible && i.ineligible_reason && <Badge tone="warn">{i.ineligible_reason}</Badge>}
                {i.kind === "product" ? (
                  <button className="btn small" disabled={action.pending || !i.eligible} onClick={() => toCart(i)}>
                    {t("redeem_in_cart")}
                  </button>
                ) : (
                  <button className="btn small" disabled={action.pending || !i.eligible} onClick={() => redeem(i)}>
                    {t("redeem")}
                  </button>
                )}
              </div>
            ))}
          </div>
        )}
      </Async>
    </>
  )
}
