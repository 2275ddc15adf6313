export * from "./blind-box"
