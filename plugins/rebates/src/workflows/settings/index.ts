export * from "./workflows/update-rebate-settings"
export * from "./workflows/levels"
