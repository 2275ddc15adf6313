import { FormEvent, useState } from "react"
import { Link, useNavigate, useSearchParams } from "react-router-dom"
import { useI18n } from "../i18n"
import { rememberedReferral, useSession } from "../session"
import { ErrorBox, Page, useAction } from "../ui"

function useNext() {
  const [params] = useSearchParams()
  const next = params.get("next")
  return next && next.startsWith("/") ? next : "/account"
}

export function Login() {
  const { t } = useI18n()
  const { login } = useSession()
  const navigate = useNavigate()
  const next = useNext()
  const [email, setEmail] = useState("")
  const [password, setPassword] = useState("")
  const action = useAction()
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const ok = await action.run(async () => {
      await login(email.trim(), password)
      return true
    })
    if (ok) navigate(next)
  }
  return (
    <Page title={t("login")}>
      <form className="card form" onSubmit={submit}>
        <label>
          {t("email")}
          <input type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          {t("password")}
          <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <ErrorBox error={action.error} />
        <button className="btn" disabled={action.pending}>
          {t("login")}
        </button>
        <p className="muted">
          {t("no_account")} <Link to={`/register?next=${encodeURIComponent(next)}`}>{t("register")}</Link>
        </p>
      </form>
    </Page>
  )
}

export function Register() {
  const { t } = useI18n()
  const { register } = useSession()
  const navigate = useNavigate()
  const next = useNext()
  const ref = rememberedReferral()
  const [form, setForm] = useState({ email: "", password: "", first_name: "", last_name: "" })
  const action = useAction()
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.target.value })
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const ok = await action.run(async () => {
      await register({ ...form, email: form.email.trim() })
      return true
    })
    if (ok) navigate(next)
  }
  return (
    <Page title={t("register")}>
      <form className="card form" onSubmit={submit}>
        {ref && <div className="state notice">{t("referral_remembered", { code: ref.referral_code })}</div>}
        <label>
          {t("last_name")}
          <input required autoComplete="family-name" value={form.last_name} onChange={set("last_name")} />
        </label>
        <label>
          {t("first_name")}
          <input required autoComplete="given-name" value={form.first_name} onChange={set("first_name")} />
        </label>
        <label>
          {t("email")}
          <input type="email" required autoComplete="email" value={form.email} onChange={set("email")} />
        </label>
        <label>
          {t("password")}
          <input type="password" required minLength={6} autoComplete="new-password" value={form.password} onChange={set("password")} />
        </label>
        <ErrorBox error={action.error} />
        <button className="btn" disabled={action.pending}>
          {t("register")}
        </button>
        <p className="muted">
          {t("have_account")} <Link to={`/login?next=${encodeURIComponent(next)}`}>{t("login")}</Link>
        </p>
      </form>
    </Page>
  )
}
