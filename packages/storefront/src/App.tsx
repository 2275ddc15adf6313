import { ReactNode, useEffect } from "react"
import { BrowserRouter, Link, NavLink, Route, Routes, useLocation } from "react-router-dom"
import { I18nProvider, useI18n } from "./i18n"
import { SessionProvider, rememberReferralFromUrl } from "./session"
import { CartProvider, useCart } from "./cart"
import { config } from "./sdk"
import { Home } from "./pages/Home"
import { Login, Register } from "./pages/Auth"
import { ProductList, ProductPage } from "./pages/Products"
import { CartPage } from "./pages/Cart"
import { Checkout } from "./pages/Checkout"
import { Account } from "./pages/Account"
import { Wallet } from "./pages/Wallet"
import { Referral } from "./pages/Referral"
import { GroupDrawList, GroupDrawPage, GroupPage } from "./pages/GroupDraws"
import { DrawPage } from "./pages/Draw"
import { Membership, PointsMall } from "./pages/Membership"
import { PresaleList, PresalePage } from "./pages/Presales"
import { BlindBoxList, BlindBoxPage } from "./pages/BlindBoxes"
import { Rebates } from "./pages/Rebates"

function SessionWithCart({ children }: { children: ReactNode }) {
  const { adopt } = useCart()
  return <SessionProvider onLogin={adopt}>{children}</SessionProvider>
}

/** Keeps `?ref=` of in-app navigations too, and scrolls to the top on page change. */
function RouteEffects() {
  const loc = useLocation()
  useEffect(() => {
    rememberReferralFromUrl(window.location.href)
    window.scrollTo(0, 0)
  }, [loc.pathname, loc.search])
  return null
}

function Shell() {
  const { t, lang, setLang } = useI18n()
  const { count } = useCart()
  return (
    <div className="shell">
      <header className="topbar">
        <Link to="/" className="brand">
          {t("app_name")}
        </Link>
        <button className="btn small ghost lang" onClick={() => setLang(lang === "zh" ? "en" : "zh")} aria-label="language">
          {t("lang_switch")}
        </button>
      </header>
      {!config.publishableKey && (
        <div className="state error">No publishable API key configured (VITE_PUBLISHABLE_KEY or /config.json).</div>
      )}
      <main>
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="/login" element={<Login />} />
          <Route path="/register" element={<Register />} />
          <Route path="/products" element={<ProductList />} />
          <Route path="/products/:id" element={<ProductPage />} />
          <Route path="/cart" element={<CartPage />} />
          <Route path="/checkout" element={<Checkout />} />
          <Route path="/account" element={<Account />} />
          <Route path="/wallet" element={<Wallet />} />
          <Route path="/referral" element={<Referral />} />
          <Route path="/group-draws" element={<GroupDrawList />} />
          <Route path="/group-draws/:id" element={<GroupDrawPage />} />
          <Route path="/groups/:id" element={<GroupPage />} />
          <Route path="/draws/:id" element={<DrawPage />} />
          <Route path="/membership" element={<Membership />} />
          <Route path="/points-mall" element={<PointsMall />} />
          <Route path="/presales" element={<PresaleList />} />
          <Route path="/presales/:id" element={<PresalePage />} />
          <Route path="/blind-boxes" element={<BlindBoxList />} />
          <Route path="/blind-boxes/:id" element={<BlindBoxPage />} />
          <Route path="/rebates" element={<Rebates />} />
          <Route path="*" element={<div className="state empty">404</div>} />
        </Routes>
      </main>
      <nav className="tabbar">
        <NavLink to="/" end>
          <span aria-hidden>⌂</span>
          {t("nav_home")}
        </NavLink>
        <NavLink to="/products">
          <span aria-hidden>▦</span>
          {t("nav_products")}
        </NavLink>
        <NavLink to="/cart">
          <span aria-hidden>🛒</span>
          {t("nav_cart")}
          {count > 0 && <b className="count">{count}</b>}
        </NavLink>
        <NavLink to="/account">
          <span aria-hidden>☺</span>
          {t("nav_me")}
        </NavLink>
      </nav>
    </div>
  )
}

export function App() {
  return (
    <I18nProvider>
      <BrowserRouter>
        <CartProvider>
          <SessionWithCart>
            <RouteEffects />
            <Shell />
          </SessionWithCart>
        </CartProvider>
      </BrowserRouter>
    </I18nProvider>
  )
}
