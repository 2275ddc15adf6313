// Public workflows of @fission/group-draw, imported as `@fission/group-draw/workflows`.
export * from "./group-draw"
export * from "./campaigns"
