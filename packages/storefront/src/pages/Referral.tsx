import { FormEvent, useEffect, useState } from "react"
import { useI18n } from "../i18n"
import { sdk, storefrontOrigin } from "../sdk"
import { forgetReferral, rememberedReferral } from "../session"
import { Async, Badge, CopyButton, ErrorBox, Notice, Page, Pager, RequireLogin, Tabs, useAction, useFormat, useLoad } from "../ui"

const idem = () => `sf-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`

export function Referral() {
  const { t } = useI18n()
  return (
    <Page title={t("referral")}>
      <RequireLogin>
        <ReferralInner />
      </RequireLogin>
    </Page>
  )
}

function ReferralInner() {
  const { t } = useI18n()
  const referral = useLoad(() => sdk.fission.referral.retrieve(), [])
  type Tab = "team" | "commissions" | "withdraw" | "leaderboard"
  const [tab, setTab] = useState<Tab>("team")
  return (
    <>
      <Async state={referral}>{({ referral: r }) => <Identity r={r} reload={referral.reload} />}</Async>
      <Tabs<Tab>
        value={tab}
        onChange={setTab}
        options={[
          { value: "team", label: t("team") },
          { value: "commissions", label: t("commissions") },
          { value: "withdraw", label: t("withdraw") },
          { value: "leaderboard", label: t("leaderboard") },
        ]}
      />
      {tab === "team" && <Team />}
      {tab === "commissions" && <Commissions />}
      {tab === "withdraw" && <Withdraw />}
      {tab === "leaderboard" && <Leaderboard />}
    </>
  )
}

function Identity({ r, reload }: { r: any; reload: () => Promise<void> }) {
  const { t, tk } = useI18n()
  const f = useFormat()
  const link = r.code ? `${storefrontOrigin()}/?ref=${encodeURIComponent(r.code)}` : null
  const [poster, setPoster] = useState<string>()
  const [posterError, setPosterError] = useState<unknown>()
  useEffect(() => {
    if (!r.code) return
    let url: string | undefined
    let live = true
    sdk.fission.referral
      .poster()
      .then((blob) => {
        url = URL.createObjectURL(blob as Blob)
        if (live) setPoster(url)
      })
      .catch((e) => live && setPosterError(e))
    return () => {
      live = false
      if (url) URL.revokeObjectURL(url)
    }
  }, [r.code])
  return (
    <>
      <div className="card">
        {r.code ? (
          <>
            <div className="muted">{t("my_code")}</div>
            <div className="code">{r.code}</div>
            <div className="muted">{t("share_link")}</div>
            <div className="row">
              <code className="grow wrap">{link}</code>
              <CopyButton text={link!} />
            </div>
            {poster && <img className="poster" src={poster} alt={t("poster")} />}
            <ErrorBox error={posterError} />
          </>
        ) : null}
        <dl className="kv">
          <dt>{t("promoter_status")}</dt>
          <dd>
            <Badge tone={r.promoter_status === "active" ? "ok" : "info"}>{tk("promoter_status", r.promoter_status)}</Badge>
          </dd>
          <dt>{t("rank")}</dt>
          <dd>{r.rank?.name ?? "—"}</dd>
          <dt>{t("referrer")}</dt>
          <dd>{r.referrer ? `${r.referrer.name} · ${f.day(r.referrer.bound_at)}` : t("none")}</dd>
          <dt>{t("team")}</dt>
          <dd>
            {t("team_level", { n: 1 })}: {r.counts?.level1 ?? 0} · {t("team_level", { n: 2 })}: {r.counts?.level2 ?? 0}
          </dd>
        </dl>
      </div>
      {!r.referrer && r.bind_mode !== "on_first_order" && <Bind reload={reload} />}
      {r.promoter_mode === "apply" && (r.promoter_status === "none" || r.promoter_status === "rejected") && <Apply reload={reload} />}
      {r.promoter_status === "applied" && <Notice text={t("applied")} />}
    </>
  )
}

function Bind({ reload }: { reload: () => Promise<void> }) {
  const { t } = useI18n()
  const remembered = rememberedReferral()
  const [code, setCode] = useState(remembered?.referral_code ?? "")
  const action = useAction()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void action.run(async () => {
      const fromLink = remembered && remembered.referral_code.toLowerCase() === code.trim().toLowerCase()
      await sdk.fission.referral.bind({ code: code.trim(), source: fromLink ? "link" : "code" })
      forgetReferral()
      await reload()
    }, t("bound"))
  }
  return (
    <form className="card form" onSubmit={submit}>
      <h2>{remembered ? t("bind_remembered", { code: remembered.referral_code }) : t("bind_code")}</h2>
      <div className="row">
        <input className="grow" required maxLength={32} value={code} onChange={(e) => setCode(e.target.value)} aria-label={t("my_code")} />
        <button className="btn" disabled={action.pending}>
          {t("submit")}
        </button>
      </div>
      <ErrorBox error={action.error} />
      <Notice text={action.notice} />
    </form>
  )
}

function Apply({ reload }: { reload: () => Promise<void> }) {
  const { t } = useI18n()
  const [form, setForm] = useState({ real_name: "", phone: "", note: "" })
  const action = useAction()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void action.run(async () => {
      await sdk.fission.promoter.apply({
        ...(form.real_name ? { real_name: form.real_name } : {}),
        ...(form.phone ? { phone: form.phone } : {}),
        ...(form.note ? { note: form.note } : {}),
      })
      await reload()
    }, t("applied"))
  }
  return (
    <form className="card form" onSubmit={submit}>
      <h2>{t("apply_promoter")}</h2>
      <label>
        {t("real_name")}
        <input value={form.real_name} onChange={(e) => setForm({ ...form, real_name: e.target.value })} />
      </label>
      <label>
        {t("phone")}
        <input type="tel" value={form.phone} onChange={(e) => setForm({ ...form, phone: e.target.value })} />
      </label>
      <label>
        {t("note")}
        <input value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
      </label>
      <ErrorBox error={action.error} />
      <Notice text={action.notice} />
      <button className="btn" disabled={action.pending}>
        {t("submit")}
      </button>
    </form>
  )
}

function Team() {
  const { t } = useI18n()
  const f = useFormat()
  const [level, setLevel] = useState<"1" | "2" | "3">("1")
  const [offset, setOffset] = useState(0)
  const summary = useLoad(() => sdk.fission.team.summary(), [])
  const team = useLoad(() => sdk.fission.team.list({ level: Number(level), limit: 20, offset }), [level, offset])
  return (
    <>
      <Async state={summary}>
        {({ summary: s }) => (
          <div className="stats">
            <div>
              <b>{s.total ?? 0}</b>
              {t("team_total")}
            </div>
            {[1, 2, 3].map((n) => (
              <div key={n}>
                <b>{s.counts?.[`level${n}`] ?? 0}</b>
                {t("team_level", { n })}
              </div>
            ))}
            {(s.sales_this_month ?? []).map((x: any) => (
              <div key={x.currency_code}>
                <b>{f.money(x.amount, x.currency_code)}</b>
                {t("team_sales")}
              </div>
            ))}
          </div>
        )}
      </Async>
      <Tabs
        value={level}
        onChange={(v) => {
          setLevel(v)
          setOffset(0)
        }}
        options={(["1", "2", "3"] as const).map((n) => ({ value: n, label: t("team_level", { n }) }))}
      />
      <Async state={team} isEmpty={(d) => !d.members.length}>
        {(d) => (
          <>
            <ul className="list compact">
              {d.members.map((m: any, i: number) => (
                <li key={`${m.email}-${i}`}>
                  <div className="grow">
                    <div>{m.name}</div>
                    <div className="muted">
                      {m.email} · {t("joined_at")} {f.day(m.joined_at)}
                    </div>
                  </div>
                  <span className="right">
                    {t("team_total")}: {m.team_size ?? 0}
                  </span>
                </li>
              ))}
            </ul>
            <Pager count={d.count} offset={d.offset} limit={d.limit} onChange={setOffset} />
          </>
        )}
      </Async>
    </>
  )
}

function Commissions() {
  const { t, tk } = useI18n()
  const f = useFormat()
  const [status, setStatus] = useState<"all" | "pending" | "available" | "voided" | "reversed">("all")
  const [offset, setOffset] = useState(0)
  const list = useLoad(() => sdk.fission.commissions.list({ ...(status !== "all" ? { status } : {}), limit: 20, offset }), [status, offset])
  return (
    <>
      <Tabs
        value={status}
        onChange={(v) => {
          setStatus(v)
          setOffset(0)
        }}
        options={[
          { value: "all" as const, label: t("all") },
          ...(["pending", "available", "voided", "reversed"] as const).map((s) => ({ value: s, label: tk("commission_status", s) })),
        ]}
      />
      <Async state={list} isEmpty={(d) => !d.commissions.length}>
        {(d) => (
          <>
            <ul className="list compact">
              {d.commissions.map((c: any) => (
                <li key={c.id}>
                  <div className="grow">
                    <div>
                      {c.kind} · {t("team_level", { n: c.level })} · {t("buyer")} {c.buyer?.name ?? "—"}
                    </div>
                    <div className="muted">
                      {f.date(c.created_at)} · <Badge tone={c.status === "available" ? "ok" : c.status === "pending" ? "warn" : "bad"}>{tk("commission_status", c.status)}</Badge>
                    </div>
                  </div>
                  <span className="right ok">
                    {f.money(c.amount, c.currency_code)}
                    {Number(c.reversed_amount) > 0 && <div className="bad small">−{f.money(c.reversed_amount, c.currency_code)}</div>}
                  </span>
                </li>
              ))}
            </ul>
            <Pager count={d.count} offset={d.offset} limit={d.limit} onChange={setOffset} />
          </>
        )}
      </Async>
    </>
  )
}

function Withdraw() {
  const { t, tk } = useI18n()
  const f = useFormat()
  const wallet = useLoad(() => sdk.fission.wallet.retrieve(), [])
  const [offset, setOffset] = useState(0)
  const list = useLoad(() => sdk.fission.withdrawals.list({ limit: 10, offset }), [offset])
  const [amount, setAmount] = useState("")
  const [method, setMethod] = useState<"bank_transfer" | "alipay" | "wechat" | "manual">("alipay")
  const [account, setAccount] = useState("")
  const [convertAmount, setConvertAmount] = useState("")
  const withdraw = useAction()
  const convert = useAction()
  const commission = ((wallet.data?.wallet.balances ?? []) as any[]).filter((b) => b.asset === "commission")
  const reloadAll = async () => {
    await Promise.all([wallet.reload(), list.reload()])
  }
  return (
    <>
      <Async state={wallet}>
        {() => (
          <div className="stats">
            {(commission.length ? commission : [{ currency_code: null, available: 0, pending_in: 0 }]).map((b) => (
              <div key={b.currency_code ?? "none"}>
                <b>{f.money(b.available, b.currency_code)}</b>
                {t("commission_status_available")}
                <span className="muted small">
                  {t("commission_status_pending")} {f.money(b.pending_in, b.currency_code)}
                </span>
              </div>
            ))}
          </div>
        )}
      </Async>
      <form
        className="card form"
        onSubmit={(e) => {
          e.preventDefault()
          void withdraw.run(async () => {
            await sdk.fission.withdrawals.create({ amount, method, ...(account ? { account } : {}) })
            setAmount("")
            await reloadAll()
          }, t("withdraw_requested"))
        }}
      >
        <h2>{t("withdraw")}</h2>
        <label>
          {t("amount")}
          <input inputMode="decimal" required value={amount} onChange={(e) => setAmount(e.target.value)} />
        </label>
        <label>
          {t("method")}
          <select value={method} onChange={(e) => setMethod(e.target.value as typeof method)}>
            {(["alipay", "wechat", "bank_transfer", "manual"] as const).map((m) => (
              <option key={m} value={m}>
                {tk("method", m)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("account")}
          <input value={account} onChange={(e) => setAccount(e.target.value)} />
        </label>
        <ErrorBox error={withdraw.error} />
        <Notice text={withdraw.notice} />
        <button className="btn" disabled={withdraw.pending}>
          {t("withdraw")}
        </button>
      </form>
      <form
        className="card form"
        onSubmit={(e) => {
          e.preventDefault()
          void convert.run(async () => {
            await sdk.fission.commissions.convert({ amount: convertAmount, idempotency_key: idem() })
            setConvertAmount("")
            await reloadAll()
          }, t("converted"))
        }}
      >
        <h2>{t("convert")}</h2>
        <div className="row">
          <input className="grow" inputMode="decimal" required aria-label={t("amount")} value={convertAmount} onChange={(e) => setConvertAmount(e.target.value)} />
          <button className="btn" disabled={convert.pending}>
            {t("submit")}
          </button>
        </div>
        <ErrorBox error={convert.error} />
        <Notice text={convert.notice} />
      </form>
      <h2>{t("withdrawals")}</h2>
      <Async state={list} isEmpty={(d) => !d.withdrawals?.length}>
        {(d) => (
          <>
            <ul className="list compact">
              {(d.withdrawals as any[]).map((w) => (
                <li key={w.id}>
                  <div className="grow">
                    <div>
                      {tk("method", w.method)} · <Badge>{tk("withdrawal_status", w.status)}</Badge>
                    </div>
                    <div className="muted">{f.date(w.created_at)}{w.reason ? ` · ${w.reason}` : ""}</div>
                  </div>
                  <span className="right">{f.money(w.amount, w.currency_code)}</span>
                </li>
              ))}
            </ul>
            <Pager count={d.count ?? 0} offset={d.offset ?? 0} limit={d.limit ?? 10} onChange={setOffset} />
          </>
        )}
      </Async>
    </>
  )
}

function Leaderboard() {
  const { t } = useI18n()
  const f = useFormat()
  const [by, setBy] = useState<"referrals" | "sales">("referrals")
  const board = useLoad(() => sdk.fission.leaderboard.list({ period: "month", by, limit: 20 }), [by])
  return (
    <>
      <Tabs<"referrals" | "sales"> value={by} onChange={setBy} options={[{ value: "referrals" as const, label: t("by_referrals") }, { value: "sales" as const, label: t("by_sales") }]} />
      <Async state={board} isEmpty={(d) => !d.leaderboard.entries?.length}>
        {({ leaderboard: l }) => (
          <ol className="list compact">
            {(l.entries as any[]).map((e) => (
              <li key={e.position}>
                <b className="rank-no">{e.position}</b>
                <span className="grow">{e.name}</span>
                <span className="right">{by === "sales" ? f.money(e.value, l.currency_code) : f.num(e.value)}</span>
              </li>
            ))}
          </ol>
        )}
      </Async>
    </>
  )
}
