export * from "./workflows"
export * from "./keys"
