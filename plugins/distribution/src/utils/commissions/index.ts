export * from "./compute"
