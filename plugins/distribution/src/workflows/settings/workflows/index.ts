export * from "./update-distribution-settings"
