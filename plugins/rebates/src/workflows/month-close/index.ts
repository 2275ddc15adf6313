export * from "./steps"
export * from "./workflows"
export * from "./close-month"
