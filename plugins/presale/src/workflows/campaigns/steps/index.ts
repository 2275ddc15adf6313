export * from "./validate-campaign"
export * from "./write-campaign"
export * from "./commit-free-draws"
