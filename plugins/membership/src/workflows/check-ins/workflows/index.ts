export * from "./check-in"
export * from "./makeup-check-in"
