export * from "./backoff"
export * from "./allocate"
