import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react"
import { sdk } from "./sdk"
import { rememberedReferral } from "./session"

const CART_KEY = "fission.cart"

export type Cart = { id: string; items?: any[]; region_id?: string; currency_code?: string; [k: string]: any }

let regionPromise: Promise<{ id: string; currency_code: string; countries?: { iso_2: string }[] }> | null = null

/** The store's first region (the demo has one CNY region). */
export function region() {
  regionPromise ??= sdk.store.region.list({ limit: 1 }).then(({ regions }) => {
    if (!regions.length) throw new Error("The store has no region")
    return regions[0] as any
  })
  regionPromise.catch(() => (regionPromise = null))
  return regionPromise
}

/** A new cart in the store's region; carries a remembered referral code (binds on the first order). */
export async function createCart(): Promise<Cart> {
  const r = await region()
  const ref = rememberedReferral()
  const { cart } = await sdk.store.cart.create({ region_id: r.id, ...(ref ? { metadata: { ...ref } } : {}) })
  return cart as Cart
}

type CartCtx = {
  cart: Cart | null
  count: number
  refresh: () => Promise<void>
  addItem: (variantId: string, quantity: number, metadata?: Record<string, unknown>) => Promise<Cart>
  setCart: (c: Cart | null) => void
  /** Called after login: the guest cart becomes the customer's. */
  adopt: () => Promise<void>
  forget: () => void
}

const Ctx = createContext<CartCtx | null>(null)

export function CartProvider({ children }: { children: ReactNode }) {
  const [cart, setCartState] = useState<Cart | null>(null)

  const setCart = useCallback((c: Cart | null) => {
    if (c) localStorage.setItem(CART_KEY, c.id)
    else localStorage.removeItem(CART_KEY)
    setCartState(c)
  }, [])

  const refresh = useCallback(async () => {
    const id = localStorage.getItem(CART_KEY)
    if (!id) return setCartState(null)
    try {
      const { cart } = await sdk.store.cart.retrieve(id)
      if ((cart as any).completed_at) setCart(null)
      else setCartState(cart as Cart)
    } catch {
      setCart(null)
    }
  }, [setCart])

  useEffect(() => {
    void refresh()
  }, [refresh])

  const ensure = useCallback(async (): Promise<Cart> => {
    const id = localStorage.getItem(CART_KEY)
    if (id) {
      try {
        const { cart } = await sdk.store.cart.retrieve(id)
        if (!(cart as any).completed_at) return cart as Cart
      } catch {
        /* gone: make a new one */
      }
    }
    const c = await createCart()
    setCart(c)
    return c
  }, [setCart])

  const addItem = useCallback(
    async (variant_id: string, quantity: number, metadata?: Record<string, unknown>) => {
      const c = await ensure()
      const { cart } = await sdk.store.cart.createLineItem(c.id, { variant_id, quantity, ...(metadata ? { metadata } : {}) })
      setCartState(cart as Cart)
      return cart as Cart
    },
    [ensure]
  )

  const adopt = useCallback(async () => {
    const id = localStorage.getItem(CART_KEY)
    if (!id) return
    try {
      const { cart } = await sdk.store.cart.transferCart(id)
      setCartState(cart as Cart)
    } catch {
      await refresh()
    }
  }, [refresh])

  const forget = useCallback(() => setCart(null), [setCart])

  const count = (cart?.items ?? []).reduce((n: number, i: any) => n + Number(i.quantity ?? 0), 0)
  const value = useMemo(() => ({ cart, count, refresh, addItem, setCart, adopt, forget }), [cart, count, refresh, addItem, setCart, adopt, forget])
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>
}

export function useCart(): CartCtx {
  const v = useContext(Ctx)
  if (!v) throw new Error("useCart outside CartProvider")
  return v
}

/**
 * A separate cart for a campaign seat (group draw, pre-sale): those carts hold the one campaign
 * line, so the shopper's main cart is left alone. Returns the cart id to check out.
 */
export async function seatCart(addLine: (cartId: string) => Promise<unknown>): Promise<string> {
  const c = await createCart()
  await addLine(c.id)
  return c.id
}
