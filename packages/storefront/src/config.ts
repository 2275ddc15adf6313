/**
 * Runtime configuration. Order of precedence:
 * 1. `/config.json` next to the built files (written by `serve.mjs` from MEDUSA_BACKEND_URL /
 *    FISSION_PUBLISHABLE_KEY; in `vite dev` the dev server answers it from the VITE_* variables);
 * 2. the build-time variables VITE_MEDUSA_URL / VITE_PUBLISHABLE_KEY;
 * 3. http://localhost:9000 and no key.
 */
/** VITE_MEDUSA_URL / VITE_PUBLISHABLE_KEY at build time (vite.config.mts `define`; no import.meta.env,
 * so these files also type-check as CommonJS in the host app's `medusa build`). */
declare const __FISSION_BUILD_MEDUSA_URL__: string
declare const __FISSION_BUILD_PUBLISHABLE_KEY__: string

export type AppConfig = { backendUrl: string; publishableKey: string; storefrontUrl?: string }

export async function loadConfig(): Promise<AppConfig> {
  const fallback: AppConfig = {
    backendUrl: __FISSION_BUILD_MEDUSA_URL__ || "http://localhost:9000",
    publishableKey: __FISSION_BUILD_PUBLISHABLE_KEY__ || "",
  }
  try {
    const res = await fetch("/config.json", { cache: "no-store" })
    if (!res.ok || !(res.headers.get("content-type") ?? "").includes("json")) return fallback
    const json = (await res.json()) as Partial<AppConfig>
    return {
      backendUrl: (json.backendUrl || fallback.backendUrl).replace(/\/$/, ""),
      publishableKey: json.publishableKey || fallback.publishableKey,
      storefrontUrl: json.storefrontUrl,
    }
  } catch {
    return fallback
  }
}
