export * from "./validate-campaign"
export * from "./write-campaign"
