export * from "./evaluate-member-level"
export * from "./manage-member-levels"
