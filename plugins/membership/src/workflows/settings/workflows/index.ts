export * from "./update-membership-settings"
