export * from "./record-check-in"
export * from "./record-makeup-check-in"
