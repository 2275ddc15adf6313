export * from "./references"
export * from "./top-up-line"
