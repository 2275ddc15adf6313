// Public workflows of @fission/presale, imported as `@fission/presale/workflows`.
export * from "./presale"
export * from "./campaigns"
