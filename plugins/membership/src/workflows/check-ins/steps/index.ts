export * from "./record-check-in"
