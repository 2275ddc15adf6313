import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react"
import { referralFromUrl, referralMetadata, type ReferralMetadata } from "./fission-sdk"
import { sdk } from "./sdk"

const REF_KEY = "fission.ref"

/** Remembers `?ref=CODE` of any URL (the share link) until it is used. */
export function rememberReferralFromUrl(url: string) {
  const ref = referralFromUrl(url)
  if (ref) localStorage.setItem(REF_KEY, JSON.stringify(ref))
}

export function rememberedReferral(): ReferralMetadata | null {
  try {
    const v = JSON.parse(localStorage.getItem(REF_KEY) ?? "null")
    return v && typeof v.referral_code === "string" ? referralMetadata(v.referral_code, v.referral_source === "link" ? "link" : "code") : null
  } catch {
    return null
  }
}

export function forgetReferral() {
  localStorage.removeItem(REF_KEY)
}

export type Customer = { id: string; email: string; first_name?: string | null; last_name?: string | null; [k: string]: unknown }

type Session = {
  customer: Customer | null
  loading: boolean
  login: (email: string, password: string) => Promise<void>
  register: (input: { email: string; password: string; first_name: string; last_name: string }) => Promise<void>
  logout: () => Promise<void>
  refresh: () => Promise<void>
}

const Ctx = createContext<Session | null>(null)

export function SessionProvider({ children, onLogin }: { children: ReactNode; onLogin?: () => Promise<void> }) {
  const [customer, setCustomer] = useState<Customer | null>(null)
  const [loading, setLoading] = useState(true)

  const refresh = useCallback(async () => {
    const token = await sdk.client.getToken()
    if (!token) {
      setCustomer(null)
      return
    }
    try {
      const { customer } = await sdk.store.customer.retrieve()
      setCustomer(customer as unknown as Customer)
    } catch {
      // expired or foreign token: forget it
      sdk.client.clearToken()
      setCustomer(null)
    }
  }, [])

  useEffect(() => {
    refresh().finally(() => setLoading(false))
  }, [refresh])

  const login = useCallback(
    async (email: string, password: string) => {
      const r = await sdk.auth.login("customer", "emailpass", { email, password })
      if (typeof r !== "string") throw new Error("This login needs a further step the demo storefront does not support")
      await refresh()
      await onLogin?.()
    },
    [refresh, onLogin]
  )

  const register = useCallback(
    async (input: { email: string; password: string; first_name: string; last_name: string }) => {
      // 1. the auth identity (registration token), 2. the customer — with the remembered referral
      //    code in its metadata, which @fission/distribution binds on `customer.created` —, 3. log in.
      await sdk.auth.register("customer", "emailpass", { email: input.email, password: input.password })
      const ref = rememberedReferral()
      await sdk.store.customer.create({
        email: input.email,
        first_name: input.first_name,
        last_name: input.last_name,
        ...(ref ? { metadata: { ...ref } } : {}),
      })
      await sdk.auth.login("customer", "emailpass", { email: input.email, password: input.password })
      await refresh()
      await onLogin?.()
    },
    [refresh, onLogin]
  )

  const logout = useCallback(async () => {
    await sdk.auth.logout()
    setCustomer(null)
  }, [])

  const value = useMemo(() => ({ customer, loading, login, register, logout, refresh }), [customer, loading, login, register, logout, refresh])
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>
}

export function useSession(): Session {
  const v = useContext(Ctx)
  if (!v) throw new Error("useSession outside SessionProvider")
  return v
}
