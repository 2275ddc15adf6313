export * from "./update-compliance-settings"
