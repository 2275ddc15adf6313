export * from "./check-in"
