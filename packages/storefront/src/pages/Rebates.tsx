import { useState } from "react"
import { useI18n } from "../i18n"
import { sdk } from "../sdk"
import { Async, Badge, Page, Pager, RequireLogin, useFormat, useLoad } from "../ui"

export function Rebates() {
  const { t } = useI18n()
  return (
    <Page title={t("rebates")}>
      <RequireLogin>
        <RebatesInner />
      </RequireLogin>
    </Page>
  )
}

function RebatesInner() {
  const { t } = useI18n()
  const f = useFormat()
  const status = useLoad(() => sdk.fission.rebates.status(), [])
  const [offset, setOffset] = useState(0)
  const history = useLoad(() => sdk.fission.rebates.history({ limit: 12, offset }), [offset])
  return (
    <>
      <Async state={status}>
        {({ status: s }) => (
          <>
            <div className="card hero small">
              <div className="muted">
                {t("month_consumption")} · {s.month}
              </div>
              <div className="price big">{f.money(s.consumption, s.currency_code)}</div>
              <div>
                {t("activity_level")}: <b>{s.level ? `${s.level.position} · ${s.level.name}` : t("no_level")}</b>
              </div>
              <div className="small">
                {t("asset_dividend_points")}: {f.num(s.dividend_points)} · {t("awarded_points")}: {f.num(s.awarded_points)}
              </div>
            </div>
            {s.next_level && (
              <div className="card">
                <h2>{t("next_level", { name: `${s.next_level.position} · ${s.next_level.name}` })}</h2>
                <ul className="rules">
                  {Number(s.next_level.missing?.consumption) > 0 && <li>{t("missing_consumption", { n: f.money(s.next_level.missing.consumption, s.currency_code) })}</li>}
                  {(s.next_level.missing?.team ?? [])
                    .filter((m: any) => Number(m.missing) > 0)
                    .map((m: any) => (
                      <li key={m.depth}>{t("missing_team", { missing: m.missing, depth: m.depth, active: m.active, required: m.required })}</li>
                    ))}
                </ul>
              </div>
            )}
            {(s.frozen_awards ?? []).length > 0 && (
              <div className="card">
                <h2>{t("frozen_awards")}</h2>
                <p className="muted small">{t("frozen_note")}</p>
                <ul className="list compact">
                  {(s.frozen_awards as any[]).map((a) => (
                    <li key={a.id}>
                      <span className="grow">
                        {f.money(a.amount, a.currency_code)} · {f.num(a.points)} {t("asset_dividend_points")}
                      </span>
                      <Badge tone="warn">{a.status}</Badge>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )}
      </Async>
      <h2>{t("rebate_history")}</h2>
      <Async state={history} isEmpty={(d: any) => !d.months?.length}>
        {(d: any) => (
          <>
            <ul className="list compact">
              {(d.months as any[]).map((m) => (
                <li key={m.month}>
                  <span className="grow">
                    {m.month} · {t("level")} {m.level_position ?? "—"}
                  </span>
                  <span className="right">
                    {f.num(m.consumption)}
                    <div className="muted small">+{f.num(m.awarded_points)}</div>
                  </span>
                </li>
              ))}
            </ul>
            <Pager count={d.count ?? 0} offset={d.offset ?? 0} limit={d.limit ?? 12} onChange={setOffset} />
          </>
        )}
      </Async>
    </>
  )
}
