// Public workflows of @fission/rebates (`@fission/rebates/workflows`).
export * from "./consumption"
export * from "./levels"
export * from "./team-awards"
export * from "./month-close"
export * from "./settings"
