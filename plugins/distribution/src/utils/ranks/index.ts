export * from "./evaluate"
