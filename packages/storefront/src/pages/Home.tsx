import { Link } from "react-router-dom"
import { useI18n } from "../i18n"
import { sdk } from "../sdk"
import { region } from "../cart"
import { Async, useLoad } from "../ui"
import { ProductCard } from "./Products"

export function Home() {
  const { t } = useI18n()
  const products = useLoad(async () => {
    const r = await region()
    const { products } = await sdk.store.product.list({ region_id: r.id, limit: 4, fields: "*variants.calculated_price" } as any)
    return products as any[]
  }, [])
  const tiles: [string, string, string][] = [
    ["/group-draws", t("group_draws"), "🎯"],
    ["/presales", t("presales"), "🍊"],
    ["/blind-boxes", t("blind_boxes"), "🎁"],
    ["/referral", t("referral"), "🤝"],
    ["/rebates", t("rebates"), "📈"],
    ["/membership", t("membership"), "⭐"],
    ["/points-mall", t("points_mall"), "🏪"],
    ["/wallet", t("wallet"), "👛"],
  ]
  return (
    <section className="page">
      <div className="hero">
        <h1>{t("home_title")}</h1>
        <p>{t("home_sub")}</p>
      </div>
      <div className="tiles">
        {tiles.map(([to, label, icon]) => (
          <Link key={to} to={to} className="tile">
            <span className="icon" aria-hidden>
              {icon}
            </span>
            {label}
          </Link>
        ))}
      </div>
      <h2>{t("featured")}</h2>
      <Async state={products} isEmpty={(p) => !p.length}>
        {(list) => (
          <div className="grid">
            {list.map((p) => (
              <ProductCard key={p.id} product={p} />
            ))}
          </div>
        )}
      </Async>
    </section>
  )
}
