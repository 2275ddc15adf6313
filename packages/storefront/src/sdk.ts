import Medusa from "@medusajs/js-sdk"
import { Fission, withFission } from "./fission-sdk"
import { AppConfig, loadConfig } from "./config"

export type Sdk = Medusa & { fission: Fission }

export let sdk: Sdk
export let config: AppConfig

/** Loads the configuration and creates the Medusa SDK with Fission attached (JWT kept in localStorage). */
export async function initSdk(): Promise<void> {
  config = await loadConfig()
  sdk = withFission(
    new Medusa({
      baseUrl: config.backendUrl,
      publishableKey: config.publishableKey || undefined,
      auth: { type: "jwt", jwtTokenStorageMethod: "local", jwtTokenStorageKey: "fission_storefront_jwt" },
    })
  )
}

/** The storefront's own origin: share links are built from it (`?ref=CODE`). */
export function storefrontOrigin(): string {
  return (config?.storefrontUrl || window.location.origin).replace(/\/$/, "")
}

/** Public URL of a draw record (for `npx fission-verify`). */
export function drawUrl(drawId: string): string {
  return `${config.backendUrl}/store/fission/draws/${drawId}`
}
