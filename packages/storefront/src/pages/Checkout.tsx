import { FormEvent, useEffect, useState } from "react"
import { Link, useSearchParams } from "react-router-dom"
import { useI18n } from "../i18n"
import { sdk } from "../sdk"
import { useCart } from "../cart"
import { useSession } from "../session"
import { Async, ErrorBox, Page, useAction, useFormat, useLoad } from "../ui"
import { Totals } from "./Cart"

const CART_FIELDS = "*items,*region,*region.countries,*shipping_address,*shipping_methods,*payment_collection,*payment_collection.payment_sessions"

type Address = { first_name: string; last_name: string; address_1: string; city: string; postal_code: string; country_code: string; phone: string }

/**
 * Medusa's standard checkout (as integration-tests/helpers/checkout.ts): address → shipping
 * option → payment session of `pp_system_default` → complete.
 */
export function Checkout() {
  const { t } = useI18n()
  const f = useFormat()
  const [params] = useSearchParams()
  const { cart: mainCart, forget, refresh: refreshMain } = useCart()
  const { customer } = useSession()
  const cartId = params.get("cart") || mainCart?.id || ""
  const next = params.get("next")
  const cart = useLoad(async () => {
    if (!cartId) throw new Error(t("cart_empty"))
    const { cart } = await sdk.store.cart.retrieve(cartId, { fields: CART_FIELDS } as any)
    return cart as any
  }, [cartId])
  const options = useLoad(
    async () => {
      const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cartId })
      return shipping_options as any[]
    },
    [cartId, cart.data?.shipping_address?.id],
    { enabled: !!cart.data?.shipping_address?.address_1 }
  )
  const [email, setEmail] = useState("")
  const [addr, setAddr] = useState<Address>({ first_name: "", last_name: "", address_1: "", city: "", postal_code: "", country_code: "", phone: "" })
  const [order, setOrder] = useState<any>()
  const action = useAction()

  useEffect(() => {
    const c = cart.data
    if (!c) return
    const a = c.shipping_address
    setEmail(c.email ?? customer?.email ?? "")
    setAddr({
      first_name: a?.first_name ?? customer?.first_name ?? "",
      last_name: a?.last_name ?? customer?.last_name ?? "",
      address_1: a?.address_1 ?? "",
      city: a?.city ?? "",
      postal_code: a?.postal_code ?? "",
      country_code: a?.country_code ?? c.region?.countries?.[0]?.iso_2 ?? "",
      phone: a?.phone ?? "",
    })
  }, [cart.data?.id, customer?.id]) // eslint-disable-line react-hooks/exhaustive-deps

  const saveAddress = (e: FormEvent) => {
    e.preventDefault()
    void action.run(async () => {
      const { cart: c } = await sdk.store.cart.update(cartId, { email: email.trim() || undefined, shipping_address: addr, billing_address: addr }, { fields: CART_FIELDS } as any)
      cart.setData(c as any)
    })
  }
  const chooseShipping = (option_id: string) =>
    action.run(async () => {
      await sdk.store.cart.addShippingMethod(cartId, { option_id })
      await cart.reload()
    })
  const placeOrder = () =>
    action.run(async () => {
      const c = cart.data
      await sdk.store.payment.initiatePaymentSession(c, { provider_id: "pp_system_default" })
      const result: any = await sdk.store.cart.complete(cartId)
      if (result.type !== "order") throw new Error(result.error?.message ?? "The cart could not be completed")
      if (mainCart?.id === cartId) forget()
      else void refreshMain()
      setOrder(result.order)
    })

  if (order)
    return (
      <Page title={t("order_placed")}>
        <div className="card center">
          <div className="big-icon" aria-hidden>
            ✅
          </div>
          <h2>{t("order_number", { n: order.display_id ?? order.id })}</h2>
          <p>
            {t("total")}: {f.money(order.total, order.currency_code)}
          </p>
          <p className="muted">{t("order_paid_note")}</p>
          <div className="row center">
            {next && next.startsWith("/") && (
              <Link className="btn" to={next}>
                {t("view")}
              </Link>
            )}
            <Link className="btn ghost" to="/products">
              {t("continue_shopping")}
            </Link>
          </div>
        </div>
      </Page>
    )

  return (
    <Page title={t("checkout_title")} back="/cart">
      <Async state={cart}>
        {(c) => {
          const countries: any[] = c.region?.countries ?? []
          const hasAddress = !!c.shipping_address?.address_1
          const chosen = c.shipping_methods?.[0]?.shipping_option_id
          return (
            <>
              <ul className="list compact">
                {(c.items ?? []).map((i: any) => (
                  <li key={i.id}>
                    {i.product_title ?? i.title} {i.variant_title ? `· ${i.variant_title}` : ""} × {i.quantity}
                    <span className="right">{f.money(i.total ?? i.unit_price * i.quantity, c.currency_code)}</span>
                  </li>
                ))}
              </ul>
              <form className="card form" onSubmit={saveAddress}>
                <h2>{t("step_address")}</h2>
                {!customer && (
                  <label>
                    {t("email")}
                    <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
                  </label>
                )}
                <div className="row2">
                  <label>
                    {t("last_name")}
                    <input required value={addr.last_name} onChange={(e) => setAddr({ ...addr, last_name: e.target.value })} />
                  </label>
                  <label>
                    {t("first_name")}
                    <input required value={addr.first_name} onChange={(e) => setAddr({ ...addr, first_name: e.target.value })} />
                  </label>
                </div>
                <label>
                  {t("address_1")}
                  <input required value={addr.address_1} onChange={(e) => setAddr({ ...addr, address_1: e.target.value })} />
                </label>
                <div className="row2">
                  <label>
                    {t("city")}
                    <input required value={addr.city} onChange={(e) => setAddr({ ...addr, city: e.target.value })} />
                  </label>
                  <label>
                    {t("postal_code")}
                    <input required value={addr.postal_code} onChange={(e) => setAddr({ ...addr, postal_code: e.target.value })} />
                  </label>
                </div>
                <div className="row2">
                  <label>
                    {t("country")}
                    <select required value={addr.country_code} onChange={(e) => setAddr({ ...addr, country_code: e.target.value })}>
                      {countries.map((co) => (
                        <option key={co.iso_2} value={co.iso_2}>
                          {co.display_name ?? co.iso_2.toUpperCase()}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    {t("phone")}
                    <input type="tel" value={addr.phone} onChange={(e) => setAddr({ ...addr, phone: e.target.value })} />
                  </label>
                </div>
                <button className="btn ghost" disabled={action.pending}>
                  {t("save_address")}
                </button>
              </form>
              {hasAddress && (
                <div className="card">
                  <h2>{t("step_shipping")}</h2>
                  <Async state={options} isEmpty={(o) => !o.length} emptyText={t("no_shipping")}>
                    {(list) => (
                      <div className="choices">
                        {list.map((o) => (
                          <label key={o.id} className="choice">
                            <input type="radio" name="shipping" checked={chosen === o.id} disabled={action.pending} onChange={() => chooseShipping(o.id)} />
                            <span className="grow">{o.name}</span>
                            <span>{f.money(o.calculated_price?.calculated_amount ?? o.amount, c.currency_code)}</span>
                          </label>
                        ))}
                      </div>
                    )}
                  </Async>
                </div>
              )}
              {hasAddress && chosen && (
                <div className="card">
                  <h2>{t("step_payment")}</h2>
                  <label className="choice">
                    <input type="radio" checked readOnly /> <span className="grow">{t("pay_system")}</span>
                  </label>
                  <Totals cart={c} />
                  <button className="btn block" disabled={action.pending} onClick={placeOrder}>
                    {t("place_order")}
                  </button>
                </div>
              )}
              <ErrorBox error={action.error} />
            </>
          )
        }}
      </Async>
    </Page>
  )
}
