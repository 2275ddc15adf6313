import { useState } from "react"
import { Link, useParams } from "react-router-dom"
import { useI18n } from "../i18n"
import { sdk } from "../sdk"
import { region, useCart } from "../cart"
import { Async, ErrorBox, Notice, Page, useAction, useFormat, useLoad } from "../ui"

const FIELDS = "*variants.calculated_price"

export function priceOf(variant: any): { amount: number; currency: string } | null {
  const p = variant?.calculated_price
  if (!p || p.calculated_amount == null) return null
  return { amount: Number(p.calculated_amount), currency: p.currency_code }
}

export function ProductCard({ product }: { product: any }) {
  const { t } = useI18n()
  const f = useFormat()
  const prices = (product.variants ?? []).map(priceOf).filter(Boolean) as { amount: number; currency: string }[]
  const min = prices.length ? prices.reduce((a, b) => (b.amount < a.amount ? b : a)) : null
  return (
    <Link to={`/products/${product.id}`} className="card product">
      <div className="thumb">{product.thumbnail ? <img src={product.thumbnail} alt="" loading="lazy" /> : <span aria-hidden>🛍</span>}</div>
      <div className="title">{product.title}</div>
      <div className="price">{min ? f.money(min.amount, min.currency) : t("no_price")}</div>
    </Link>
  )
}

export function ProductList() {
  const { t } = useI18n()
  const products = useLoad(async () => {
    const r = await region()
    const { products } = await sdk.store.product.list({ region_id: r.id, limit: 50, fields: FIELDS } as any)
    return products as any[]
  }, [])
  return (
    <Page title={t("products")}>
      <Async state={products} isEmpty={(p) => !p.length}>
        {(list) => (
          <div className="grid">
            {list.map((p) => (
              <ProductCard key={p.id} product={p} />
            ))}
          </div>
        )}
      </Async>
    </Page>
  )
}

export function ProductPage() {
  const { id = "" } = useParams()
  const { t } = useI18n()
  const f = useFormat()
  const { addItem } = useCart()
  const product = useLoad(async () => {
    const r = await region()
    const { product } = await sdk.store.product.retrieve(id, { region_id: r.id, fields: FIELDS } as any)
    return product as any
  }, [id])
  const reviews = useLoad(() => sdk.fission.productReviews.list({ product_id: id, limit: 10 }), [id])
  const [variantId, setVariantId] = useState<string>()
  const [qty, setQty] = useState(1)
  const action = useAction()
  return (
    <Page title={product.data?.title ?? t("products")} back="/products">
      <Async state={product}>
        {(p) => {
          const variant = (p.variants ?? []).find((v: any) => v.id === variantId) ?? p.variants?.[0]
          const price = priceOf(variant)
          return (
            <div className="card">
              <div className="thumb big">{p.thumbnail ? <img src={p.thumbnail} alt="" /> : <span aria-hidden>🛍</span>}</div>
              {p.description && <p>{p.description}</p>}
              {(p.variants?.length ?? 0) > 1 && (
                <label>
                  {t("variant")}
                  <select value={variant?.id} onChange={(e) => setVariantId(e.target.value)}>
                    {p.variants.map((v: any) => (
                      <option key={v.id} value={v.id}>
                        {v.title}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <div className="price big">{price ? f.money(price.amount, price.currency) : t("no_price")}</div>
              <label>
                {t("quantity")}
                <input type="number" min={1} max={99} value={qty} onChange={(e) => setQty(Math.max(1, Math.min(99, Number(e.target.value) || 1)))} />
              </label>
              <ErrorBox error={action.error} />
              <Notice text={action.notice} />
              <div className="row">
                <button className="btn" disabled={!variant || !price || action.pending} onClick={() => action.run(() => addItem(variant.id, qty), t("added_to_cart"))}>
                  {t("add_to_cart")}
                </button>
                {action.notice && (
                  <Link className="btn ghost" to="/cart">
                    {t("cart")}
                  </Link>
                )}
              </div>
            </div>
          )
        }}
      </Async>
      <h2>{t("reviews")}</h2>
      <Async state={reviews} isEmpty={(r) => !r.reviews.length} emptyText={t("no_reviews")}>
        {(r) => (
          <ul className="list">
            {r.reviews.map((rv: any) => (
              <li key={rv.id}>
                <span className="stars">{"★".repeat(rv.rating)}{"☆".repeat(5 - rv.rating)}</span> {rv.content}
                <div className="muted">{f.day(rv.created_at)}</div>
              </li>
            ))}
          </ul>
        )}
      </Async>
    </Page>
  )
}
