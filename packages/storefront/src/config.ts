/**
 * Runtime configuration. Order of precedence:
 * 1. `/config.json` next to the built files (written by `serve.mjs` from MEDUSA_BACKEND_URL /
 *    FISSION_PUBLISHABLE_KEY; in `vite dev` the dev server answers it from the VITE_* variables);
 * 2. the build-time variables VITE_MEDUSA_URL / VITE_PUBLISHABLE_KEY;
 * 3. http://localhost:9000 and no key.
 */
export type AppConfig = { backendUrl: string; publishableKey: string; storefrontUrl?: string }

export async function loadConfig(): Promise<AppConfig> {
  const fallback: AppConfig = {
    backendUrl: import.meta.env.VITE_MEDUSA_URL || "http://localhost:9000",
    publishableKey: import.meta.env.VITE_PUBLISHABLE_KEY || "",
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
