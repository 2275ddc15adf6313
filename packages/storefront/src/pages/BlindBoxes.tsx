import { FormEvent, useState } from "react"
import { Link, useNavigate, useParams } from "react-router-dom"
import { randomClientSeed } from "../fission-sdk"
import { useI18n } from "../i18n"
import { sdk, storefrontOrigin } from "../sdk"
import { useSession } from "../session"
import { Async, Badge, CopyButton, ErrorBox, Load, Notice, Page, Progress, useAction, useFormat, useLoad, usePoll } from "../ui"

const idem = () => `sf-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`

/** Odds, the no-win window, prices and the prize — disclosed before anyone pays (SPEC §0.6). */
function Disclosure({ b }: { b: any }) {
  const { t } = useI18n()
  const f = useFormat()
  const o = b.odds ?? {}
  return (
    <ul className="rules">
      <li>
        {t("prize_value", { value: f.money(b.prize?.value, b.currency_code) })} · {t("boxes", { n: b.boxes })}
      </li>
      {b.no_win_opens > 0 && <li>{t("no_win_window", { n: b.no_win_opens })}</li>}
      {o.prize_range && <li>{t("odds_each", { min: o.prize_range.min, max: o.prize_range.max, den: o.each_position?.denominator })}</li>}
      {b.opens_count !== undefined &&
        (o.next_open ? <li>{t("odds_next", { n: o.next_open.number, num: o.next_open.numerator, den: o.next_open.denominator })}</li> : <li>{t("odds_none")}</li>)}
      <li>{t("initiation_price", { cash: f.money(b.initiation?.cash, b.currency_code), vouchers: f.num(b.initiation?.vouchers) })}</li>
      <li>{t("open_price", { price: f.money(b.open_price, b.currency_code) })}</li>
      <li>{t("initiator_share", { share: f.money(b.initiator_share, b.currency_code) })}</li>
      {Number(b.consolation_vouchers) > 0 && <li>{t("consolation", { n: f.num(b.consolation_vouchers) })}</li>}
    </ul>
  )
}

export function BlindBoxList() {
  const { t, tk } = useI18n()
  const f = useFormat()
  const navigate = useNavigate()
  const { customer } = useSession()
  const templates = useLoad(() => sdk.fission.blindBoxes.templates({ limit: 50 }), [])
  const compliance = useLoad(() => sdk.fission.compliance.retrieve(), [])
  const mine = useLoad(() => sdk.fission.blindBoxes.mine({ limit: 20 }), [customer?.id], { enabled: !!customer })
  const age = useLoad(() => sdk.fission.blindBoxes.ageConfirmation(), [customer?.id], { enabled: !!customer })
  const action = useAction()
  const [boxId, setBoxId] = useState("")
  const initiate = (templateId: string) => {
    if (!customer) return navigate(`/login?next=${encodeURIComponent("/blind-boxes")}`)
    return action.run(async () => {
      const { blind_box } = await sdk.fission.blindBoxes.initiate({ template_id: templateId, client_seed: randomClientSeed(), idempotency_key: idem() })
      navigate(`/blind-boxes/${blind_box.id}`)
    })
  }
  return (
    <Page title={t("blind_boxes")}>
      {compliance.data && <div className="muted small">{t("compliance_note", { cap: f.num(compliance.data.compliance.lottery_prize_cap) })}</div>}
      {customer && <AgeConfirmation state={age} />}
      <ErrorBox error={action.error} />
      <Async state={templates} isEmpty={(d) => !d.blind_box_templates.length}>
        {(d) => (
          <div className="cards">
            {d.blind_box_templates.map((tpl: any) => (
              <div key={tpl.id} className="card">
                <strong>{tpl.title}</strong>
                {tpl.description && <p className="muted small">{tpl.description}</p>}
                <Disclosure b={tpl} />
                <button className="btn" disabled={action.pending} onClick={() => initiate(tpl.id)}>
                  {customer ? t("start_blind_box") : t("login_to_join")}
                </button>
              </div>
            ))}
          </div>
        )}
      </Async>
      <form
        className="card form"
        onSubmit={(e) => {
          e.preventDefault()
          if (boxId.trim()) navigate(`/blind-boxes/${encodeURIComponent(boxId.trim())}`)
        }}
      >
        <h2>{t("open_by_link")}</h2>
        <div className="row">
          <input className="grow" value={boxId} onChange={(e) => setBoxId(e.target.value)} placeholder="bbox_…" aria-label={t("open_by_link")} />
          <button className="btn">{t("view")}</button>
        </div>
      </form>
      {customer && (
        <>
          <h2>{t("my_blind_boxes")}</h2>
          <Async state={mine} isEmpty={(d) => !d.blind_boxes.length}>
            {(d) => (
              <ul className="list compact">
                {d.blind_boxes.map((b: any) => (
                  <li key={b.id}>
                    <Link to={`/blind-boxes/${b.id}`} className="grow">
                      <Badge tone={b.status === "open" ? "info" : "ok"}>{tk("blind_box_status", b.status)}</Badge> {t("opens_so_far", { n: b.opens_count, boxes: b.boxes })}
                      <div className="muted small">{f.date(b.created_at)}</div>
                    </Link>
                    {b.won_by_me && <Badge tone="ok">{t("you_won")}</Badge>}
                  </li>
                ))}
              </ul>
            )}
          </Async>
        </>
      )}
    </Page>
  )
}

function AgeConfirmation({ state }: { state: Load<any> }) {
  const { t } = useI18n()
  const [age, setAge] = useState("")
  const [consent, setConsent] = useState(false)
  const [guardian, setGuardian] = useState("")
  const action = useAction()
  return (
    <Async state={state}>
      {(d: any) => {
        if (d.age_confirmation) return <div className="muted small">✓ {t("age_confirmed", { age: d.age_confirmation.age })}</div>
        const below = Number(age) > 0 && Number(age) < Number(d.rules?.guardian_consent_below_age ?? 18)
        const submit = (e: FormEvent) => {
          e.preventDefault()
          void action.run(async () => {
            await sdk.fission.blindBoxes.confirmAge({ age: Number(age), ...(below ? { guardian_consent: consent, guardian_name: guardian } : {}) })
            await state.reload()
          })
        }
        return (
          <form className="card form" onSubmit={submit}>
            <h2>{t("age_confirmation")}</h2>
            <label>
              {t("age")}
              <input type="number" min={1} max={150} required value={age} onChange={(e) => setAge(e.target.value)} />
            </label>
            {below && (
              <>
                <label className="check">
                  <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} /> {t("guardian_consent")}
                </label>
                <label>
                  {t("guardian_name")}
                  <input value={guardian} onChange={(e) => setGuardian(e.target.value)} />
                </label>
              </>
            )}
            <ErrorBox error={action.error} />
            <button className="btn" disabled={action.pending}>
              {t("confirm_age")}
            </button>
          </form>
        )
      }}
    </Async>
  )
}

export function BlindBoxPage() {
  const { id = "" } = useParams()
  const { t, tk } = useI18n()
  const f = useFormat()
  const navigate = useNavigate()
  const { customer } = useSession()
  const box = useLoad(() => sdk.fission.blindBoxes.retrieve(id), [id, customer?.id])
  usePoll(() => void box.reload(), 10000, box.data?.blind_box.status === "open")
  const action = useAction()
  const [last, setLast] = useState<any>()
  const open = () => {
    if (!customer) return navigate(`/login?next=${encodeURIComponent(`/blind-boxes/${id}`)}`)
    return action.run(async () => {
      const r = await sdk.fission.blindBoxes.open(id, { idempotency_key: idem() })
      setLast(r.open)
      box.setData({ blind_box: r.blind_box })
    })
  }
  const link = `${storefrontOrigin()}/blind-boxes/${id}`
  return (
    <Page title={t("blind_box")} back="/blind-boxes">
      <Async state={box}>
        {({ blind_box: b }) => (
          <>
            <div className="card">
              <div className="row spread">
                <Badge tone={b.status === "open" ? "info" : "ok"}>{tk("blind_box_status", b.status)}</Badge>
                <span>{t("opens_so_far", { n: b.opens_count, boxes: b.boxes })}</span>
              </div>
              <Progress value={b.opens_count} max={b.boxes} />
              <Disclosure b={b} />
              {last && (
                <div className={`state ${last.won ? "notice" : "empty"}`}>
                  #{last.number} · {last.won ? t("you_won") : t("you_lost", { n: f.num(b.consolation_vouchers) })}
                </div>
              )}
              {b.winning_open && <div className="strong">{t("winning_open", { n: b.winning_open })}</div>}
              {b.status === "open" && (
                <button className="btn block" disabled={action.pending} onClick={open}>
                  {customer ? t("open_box", { price: f.money(b.open_price, b.currency_code) }) : t("login_to_join")}
                </button>
              )}
              <ErrorBox error={action.error} />
              {b.status === "open" && (
                <>
                  <div className="muted small">{t("share_box")}</div>
                  <div className="row">
                    <code className="grow wrap">{link}</code>
                    <CopyButton text={link} />
                  </div>
                </>
              )}
            </div>
            {b.won_by_me && (!b.claim || b.claim === "none") && <Claim b={b} onDone={() => void box.reload()} />}
            {b.won_by_me && b.claim && b.claim !== "none" && <Notice text={`${t("prize_claimed")}: ${b.claim}`} />}
            <div className="card">
              <div className="muted">{t("commitment")}</div>
              <code className="wrap">{b.commitment ?? "—"}</code>
              {b.draw_id && (
                <Link className="btn small ghost" to={`/draws/${b.draw_id}`}>
                  {t("verify_draw")}
                </Link>
              )}
            </div>
          </>
        )}
      </Async>
    </Page>
  )
}

function Claim({ b, onDone }: { b: any; onDone: () => void }) {
  const { t } = useI18n()
  const f = useFormat()
  const { customer } = useSession()
  const [addr, setAddr] = useState({ first_name: customer?.first_name ?? "", last_name: customer?.last_name ?? "", address_1: "", city: "", postal_code: "", country_code: "cn", phone: "" })
  const action = useAction()
  const claim = (choice: "product" | "vouchers") =>
    action.run(async () => {
      await sdk.fission.blindBoxes.claim(b.id, { choice, ...(choice === "product" ? { shipping_address: addr } : {}) })
      onDone()
    }, t("prize_claimed"))
  const field = (k: keyof typeof addr, label: string) => (
    <label>
      {label}
      <input required value={addr[k]} onChange={(e) => setAddr({ ...addr, [k]: e.target.value })} />
    </label>
  )
  return (
    <div className="card">
      <h2>{t("claim_prize")}</h2>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault()
          void claim("product")
        }}
      >
        <div className="row2">
          {field("last_name", t("last_name"))}
          {field("first_name", t("first_name"))}
        </div>
        {field("address_1", t("address_1"))}
        <div className="row2">
          {field("city", t("city"))}
          {field("postal_code", t("postal_code"))}
        </div>
        <div className="row2">
          {field("country_code", t("country"))}
          {field("phone", t("phone"))}
        </div>
        <button className="btn" disabled={action.pending}>
          {t("claim_product")}
        </button>
      </form>
      {Number(b.winner_vouchers) > 0 && (
        <button className="btn ghost" disabled={action.pending} onClick={() => claim("vouchers")}>
          {t("claim_vouchers", { n: f.num(b.winner_vouchers) })}
        </button>
      )}
      <ErrorBox error={action.error} />
      <Notice text={action.notice} />
    </div>
  )
}
