import { StrictMode } from "react"
import { createRoot } from "react-dom/client"
import { App } from "./App"
import { initSdk } from "./sdk"
import { rememberReferralFromUrl } from "./session"
import "./styles.css"

rememberReferralFromUrl(window.location.href)

initSdk()
  .then(() => {
    createRoot(document.getElementById("root")!).render(
      <StrictMode>
        <App />
      </StrictMode>
    )
  })
  .catch((e) => {
    document.getElementById("root")!.textContent = `Storefront failed to start: ${e?.message ?? e}`
  })
