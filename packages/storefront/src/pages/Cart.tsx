import { Link, useNavigate } from "react-router-dom"
import { useI18n } from "../i18n"
import { sdk } from "../sdk"
import { useCart } from "../cart"
import { useSession } from "../session"
import { Empty, ErrorBox, Notice, Page, useAction, useFormat, useLoad } from "../ui"

export function Totals({ cart }: { cart: any }) {
  const { t } = useI18n()
  const f = useFormat()
  const c = cart.currency_code
  return (
    <dl className="totals">
      <dt>{t("subtotal")}</dt>
      <dd>{f.money(cart.item_subtotal ?? cart.subtotal, c)}</dd>
      {Number(cart.discount_total) > 0 && (
        <>
          <dt>{t("discount")}</dt>
          <dd>−{f.money(cart.discount_total, c)}</dd>
        </>
      )}
      {cart.shipping_methods?.length > 0 && (
        <>
          <dt>{t("shipping")}</dt>
          <dd>{f.money(cart.shipping_total, c)}</dd>
        </>
      )}
      {Number(cart.tax_total) > 0 && (
        <>
          <dt>{t("tax")}</dt>
          <dd>{f.money(cart.tax_total, c)}</dd>
        </>
      )}
      <dt className="strong">{t("total")}</dt>
      <dd className="strong">{f.money(cart.total, c)}</dd>
    </dl>
  )
}

export function CartPage() {
  const { t } = useI18n()
  const f = useFormat()
  const navigate = useNavigate()
  const { cart, refresh, setCart } = useCart()
  const { customer } = useSession()
  const action = useAction()
  // points-mall products: a cart line of such a variant may be paid with points (membership)
  const mall = useLoad(() => sdk.fission.pointsMall.list(), [customer?.id], { enabled: !!customer })
  const items = cart?.items ?? []
  if (!cart || !items.length)
    return (
      <Page title={t("cart")}>
        <Empty text={t("cart_empty")} />
        <Link className="btn" to="/products">
          {t("continue_shopping")}
        </Link>
      </Page>
    )
  const mallItemFor = (line: any) => (mall.data?.items ?? []).find((i: any) => i.kind === "product" && i.variant_id === line.variant_id)
  return (
    <Page title={t("cart")}>
      <ErrorBox error={action.error} />
      <Notice text={action.notice} />
      <ul className="list">
        {items.map((line: any) => {
          const mallItem = mallItemFor(line)
          return (
            <li key={line.id} className="line">
              <div className="thumb small">{line.thumbnail ? <img src={line.thumbnail} alt="" /> : <span aria-hidden>🛍</span>}</div>
              <div className="grow">
                <div className="title">{line.product_title ?? line.title}</div>
                <div className="muted">{line.variant_title}</div>
                <div>{f.money(line.unit_price, cart.currency_code)} × {line.quantity}</div>
                {mallItem && (
                  <div className="row">
                    <button
                      className="btn small"
                      disabled={action.pending}
                      onClick={() =>
                        action.run(async () => {
                          await sdk.fission.points.applyToCart(cart.id, { line_item_id: line.id })
                          await refresh()
                        }, t("points_applied"))
                      }
                    >
                      {t("use_points", { points: mallItem.points_cost * line.quantity, cash: f.money(mallItem.cash_price, mallItem.currency_code ?? cart.currency_code) })}
                    </button>
                    <button
                      className="btn small ghost"
                      disabled={action.pending}
                      onClick={() =>
                        action.run(async () => {
                          await sdk.fission.points.removeFromCart(cart.id, { line_item_id: line.id })
                          await refresh()
                        }, t("points_released"))
                      }
                    >
                      {t("release_points")}
                    </button>
                  </div>
                )}
              </div>
              <div className="col">
                <input
                  type="number"
                  min={1}
                  max={99}
                  aria-label={t("quantity")}
                  value={line.quantity}
                  disabled={action.pending}
                  onChange={(e) => {
                    const quantity = Math.max(1, Math.min(99, Number(e.target.value) || 1))
                    void action.run(async () => {
                      const { cart: c } = await sdk.store.cart.updateLineItem(cart.id, line.id, { quantity })
                      setCart(c as any)
                    })
                  }}
                />
                <button
                  className="btn small ghost"
                  disabled={action.pending}
                  onClick={() =>
                    action.run(async () => {
                      await sdk.store.cart.deleteLineItem(cart.id, line.id)
                      await refresh()
                    })
                  }
                >
                  {t("remove")}
                </button>
              </div>
            </li>
          )
        })}
      </ul>
      <Totals cart={cart} />
      <button className="btn block" onClick={() => navigate(`/checkout?cart=${cart.id}`)}>
        {t("checkout")}
      </button>
    </Page>
  )
}
