import * as JsSdk from "@medusajs/js-sdk"

// Replaced by the dashboard's Vite `define` when the host builds the admin.
declare const __BACKEND_URL__: string | undefined

// The kit is compiled as ESM by core's `medusa plugin:build` (tsc, Node16), which types
// the CJS-typed js-sdk's default export as the namespace; the class is `.default`.
// In the dashboard's Vite build (real ESM) the namespace's `default` is that class.
type MedusaClient = { client: JsSdk.Client; admin: JsSdk.Admin; store: JsSdk.Store; auth: JsSdk.Auth }
const Medusa = (JsSdk as unknown as { default: new (config: JsSdk.Config) => MedusaClient }).default

/** The one admin API client every Fission page and widget uses (session auth, as the dashboard). */
export const sdk = new Medusa({
  baseUrl: __BACKEND_URL__ ?? "/",
  auth: { type: "session" },
})
