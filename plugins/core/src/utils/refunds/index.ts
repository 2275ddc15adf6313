export * from "./backoff"
export * from "./allocate"
export * from "./cancel-plan"
