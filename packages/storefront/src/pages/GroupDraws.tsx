import { FormEvent, useState } from "react"
import { Link, useNavigate, useParams } from "react-router-dom"
import { fissionLineMetadata } from "../fission-sdk"
import { useI18n } from "../i18n"
import { sdk, storefrontOrigin } from "../sdk"
import { seatCart } from "../cart"
import { useSession } from "../session"
import { Async, Badge, CopyButton, ErrorBox, Page, Progress, useAction, useFormat, useLoad, usePoll } from "../ui"

function Rules({ c }: { c: any }) {
  const { t } = useI18n()
  const f = useFormat()
  return (
    <ul className="rules">
      <li>{t("group_rule", { size: c.group_size, winners: c.winners })}</li>
      {Number(c.loser_reward) > 0 && <li>{t("loser_reward", { reward: f.money(c.loser_reward, c.currency_code) })}</li>}
      {Number(c.red_envelope_amount) > 0 && (
        <li>{t("red_envelope", { amount: f.money(c.red_envelope_amount, c.currency_code), split: c.red_envelope_split === "equal" ? t("split_equal") : t("split_random") })}</li>
      )}
      {Number(c.winner_shopping_fund_ratio) > 0 && <li>{t("winner_fund", { ratio: f.num(Number(c.winner_shopping_fund_ratio) * 100) })}</li>}
    </ul>
  )
}

export function GroupDrawList() {
  const { t } = useI18n()
  const f = useFormat()
  const { customer } = useSession()
  const list = useLoad(() => sdk.fission.groupDraws.list({ limit: 50 }), [])
  const mine = useLoad(() => sdk.fission.groups.mine({ limit: 20 }), [customer?.id], { enabled: !!customer })
  return (
    <Page title={t("group_draws")}>
      <Async state={list} isEmpty={(d) => !d.group_draws.length}>
        {(d) => (
          <div className="cards">
            {d.group_draws.map((c: any) => (
              <Link key={c.id} to={`/group-draws/${c.id}`} className="card link">
                <div className="row spread">
                  <strong>{c.title}</strong>
                  <span className="price">{f.money(c.price, c.currency_code)}</span>
                </div>
                <Rules c={c} />
              </Link>
            ))}
          </div>
        )}
      </Async>
      {customer && (
        <>
          <h2>{t("my_groups")}</h2>
          <Async state={mine} isEmpty={(d) => !d.groups.length}>
            {(d) => <GroupRows groups={d.groups} />}
          </Async>
        </>
      )}
    </Page>
  )
}

function GroupRows({ groups }: { groups: any[] }) {
  const { tk } = useI18n()
  const f = useFormat()
  return (
    <ul className="list compact">
      {groups.map((g: any) => (
        <li key={g.my_seat?.id ?? g.id}>
          <Link to={`/groups/${g.id}`} className="grow">
            <div>
              <Badge tone={g.status === "open" ? "info" : g.status === "failed" ? "bad" : "ok"}>{tk("group_status", g.status)}</Badge> {g.seats_taken}/{g.size}
              {g.my_seat && <span className="muted"> · {tk("member_status", g.my_seat.status)}</span>}
            </div>
            <div className="muted">{f.date(g.created_at)}</div>
          </Link>
          <span className="right">›</span>
        </li>
      ))}
    </ul>
  )
}

export function GroupDrawPage() {
  const { id = "" } = useParams()
  const { t } = useI18n()
  const f = useFormat()
  const navigate = useNavigate()
  const { customer } = useSession()
  const campaign = useLoad(() => sdk.fission.groupDraws.retrieve(id), [id])
  const action = useAction()
  const [showOpen, setShowOpen] = useState(false)

  /** A seat is a line of the campaign's variant whose metadata names the campaign (and the group). */
  const join = (c: any, groupId?: string) => {
    if (!customer) return navigate(`/login?next=${encodeURIComponent(`/group-draws/${id}`)}`)
    return action.run(async () => {
      const cartId = await seatCart((cart_id) =>
        sdk.store.cart.createLineItem(cart_id, {
          variant_id: c.variant_id,
          quantity: 1,
          metadata: groupId ? fissionLineMetadata.joinGroup(c.id, groupId) : fissionLineMetadata.groupDraw(c.id),
        })
      )
      navigate(`/checkout?cart=${cartId}&next=${encodeURIComponent(groupId ? `/groups/${groupId}` : `/group-draws/${c.id}`)}`)
    })
  }

  return (
    <Page title={campaign.data?.group_draw.title ?? t("group_draw")} back="/group-draws">
      <Async state={campaign}>
        {({ group_draw: c }) => (
          <>
            <div className="card">
              {c.description && <p>{c.description}</p>}
              <div className="price big">{f.money(c.price, c.currency_code)}</div>
              <Rules c={c} />
              <div className="row">
                <button className="btn" disabled={action.pending} onClick={() => join(c)}>
                  {customer ? t("join_any") : t("login_to_join")}
                </button>
                {c.allow_shopper_groups && customer && (
                  <button className="btn ghost" onClick={() => setShowOpen(!showOpen)}>
                    {t("open_group")}
                  </button>
                )}
              </div>
              {showOpen && <OpenGroupForm c={c} onOpened={(gid) => join(c, gid)} />}
              <ErrorBox error={action.error} />
            </div>
            <h2>{t("open_groups")}</h2>
            {!c.open_groups?.length ? (
              <div className="state empty">{t("no_open_groups")}</div>
            ) : (
              <ul className="list">
                {c.open_groups.map((g: any) => (
                  <li key={g.id}>
                    <div className="grow">
                      <Link to={`/groups/${g.id}`}>
                        {t("group_rule", { size: g.size, winners: g.winners })} · {t("seats_left", { n: g.seats_left })}
                      </Link>
                      <Progress value={g.seats_taken} max={g.size} />
                      <div className="muted">{t("expires", { date: f.date(g.expires_at) })}</div>
                    </div>
                    <button className="btn small" disabled={action.pending} onClick={() => join(c, g.id)}>
                      {t("join_group")}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Async>
    </Page>
  )
}

function OpenGroupForm({ c, onOpened }: { c: any; onOpened: (groupId: string) => void }) {
  const { t } = useI18n()
  const [size, setSize] = useState<number>(c.shopper_group_size_min ?? c.group_size)
  const [winners, setWinners] = useState<number>(c.shopper_winners_min ?? 1)
  const [hours, setHours] = useState<number>(Math.min(c.duration_hours ?? 24, c.shopper_duration_hours_max ?? 24))
  const [visibility, setVisibility] = useState<"open" | "private">("open")
  const action = useAction()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void action.run(async () => {
      const { group } = await sdk.fission.groupDraws.openGroup(c.id, { group_size: size, winners, duration_hours: hours, visibility })
      onOpened(group.id)
    })
  }
  return (
    <form className="form inset" onSubmit={submit}>
      <div className="row2">
        <label>
          {t("group_size")}
          <input type="number" min={c.shopper_group_size_min ?? 2} max={c.shopper_group_size_max ?? 100} value={size} onChange={(e) => setSize(Number(e.target.value))} />
        </label>
        <label>
          {t("winners")}
          <input type="number" min={c.shopper_winners_min ?? 1} max={c.shopper_winners_max ?? size - 1} value={winners} onChange={(e) => setWinners(Number(e.target.value))} />
        </label>
      </div>
      <div className="row2">
        <label>
          {t("duration_hours")}
          <input type="number" min={1} max={c.shopper_duration_hours_max ?? 168} value={hours} onChange={(e) => setHours(Number(e.target.value))} />
        </label>
        <label>
          {t("visibility")}
          <select value={visibility} onChange={(e) => setVisibility(e.target.value as "open" | "private")}>
            <option value="open">{t("visibility_open")}</option>
            {c.allow_private_groups && <option value="private">{t("visibility_private")}</option>}
          </select>
        </label>
      </div>
      <ErrorBox error={action.error} />
      <button className="btn" disabled={action.pending}>
        {t("open_group")}
      </button>
    </form>
  )
}

const LIVE = new Set(["open", "full", "drawn", "refunding"])

export function GroupPage() {
  const { id = "" } = useParams()
  const { t, tk } = useI18n()
  const f = useFormat()
  const navigate = useNavigate()
  const { customer } = useSession()
  const group = useLoad(() => sdk.fission.groups.retrieve(id), [id, customer?.id])
  const campaignId = group.data?.group.campaign_id
  const campaign = useLoad(() => sdk.fission.groupDraws.retrieve(campaignId!), [campaignId], { enabled: !!campaignId })
  const live = !!group.data && LIVE.has(group.data.group.status)
  usePoll(() => void group.reload(), 5000, live)
  const action = useAction()
  const join = (c: any) => {
    if (!customer) return navigate(`/login?next=${encodeURIComponent(`/groups/${id}`)}`)
    return action.run(async () => {
      const cartId = await seatCart((cart_id) =>
        sdk.store.cart.createLineItem(cart_id, { variant_id: c.variant_id, quantity: 1, metadata: fissionLineMetadata.joinGroup(c.id, id) })
      )
      navigate(`/checkout?cart=${cartId}&next=${encodeURIComponent(`/groups/${id}`)}`)
    })
  }
  return (
    <Page title={campaign.data?.group_draw.title ?? t("group")} back={campaignId ? `/group-draws/${campaignId}` : "/group-draws"}>
      <Async state={group}>
        {({ group: g }) => {
          const members: any[] = g.members ?? []
          const mine = members.some((m) => m.is_me)
          const c = campaign.data?.group_draw
          const drawn = !!g.drawn_at || ["drawn", "refunding", "completed"].includes(g.status)
          return (
            <>
              <div className="card">
                <div className="row spread">
                  <Badge tone={g.status === "open" ? "info" : g.status === "failed" ? "bad" : "ok"}>{tk("group_status", g.status)}</Badge>
                  {live && <span className="muted small">● {t("live_polling")}</span>}
                </div>
                <h2>
                  {t("group_rule", { size: g.size, winners: g.winners })} · {g.seats_taken}/{g.size}
                </h2>
                <Progress value={g.seats_taken} max={g.size} />
                {g.status === "open" && <div className="muted">{t("seats_left", { n: g.seats_left })} · {t("expires", { date: f.date(g.expires_at) })}</div>}
                {c && <Rules c={c} />}
                {g.status === "open" && !mine && c && (
                  <button className="btn" disabled={action.pending} onClick={() => join(c)}>
                    {customer ? `${t("join_group")} · ${f.money(c.price, c.currency_code)}` : t("login_to_join")}
                  </button>
                )}
                <ErrorBox error={action.error} />
                {g.status === "open" && (
                  <>
                    <div className="muted">{t("share_group")}</div>
                    <div className="row">
                      <code className="grow wrap">{`${storefrontOrigin()}/groups/${g.id}`}</code>
                      <CopyButton text={`${storefrontOrigin()}/groups/${g.id}`} />
                    </div>
                  </>
                )}
              </div>
              <h2>{drawn ? t("result") : t("members")}</h2>
              <ul className="list compact">
                {members.map((m) => (
                  <li key={m.id} className={m.is_me ? "me" : ""}>
                    <span className="rank-no">{m.seat}</span>
                    <span className="grow">
                      {m.customer}
                      {m.is_me && <b> ({t("you")})</b>}
                    </span>
                    <span className="right">
                      <Badge tone={m.status === "won" ? "ok" : m.status === "paid" ? "info" : "warn"}>{tk("member_status", m.status)}</Badge>
                      {m.envelope_share != null && (
                        <div className="small">
                          🧧 {f.money(m.envelope_share, c?.currency_code)}
                        </div>
                      )}
                    </span>
                  </li>
                ))}
              </ul>
              <div className="card">
                <div className="muted">{t("commitment")}</div>
                <code className="wrap">{g.commitment ?? "—"}</code>
                {g.draw_id && (
                  <Link className="btn small ghost" to={`/draws/${g.draw_id}${g.draw_digest ? `?digest=${g.draw_digest}` : ""}`}>
                    {t("verify_draw")}
                  </Link>
                )}
                {g.envelope_draw_id && (
                  <Link className="btn small ghost" to={`/draws/${g.envelope_draw_id}${g.envelope_draw_digest ? `?digest=${g.envelope_draw_digest}` : ""}`}>
                    🧧 {t("verify_draw")}
                  </Link>
                )}
              </div>
            </>
          )
        }}
      </Async>
    </Page>
  )
}
