export * from "./manage-member-tasks"
export * from "./record-task-completion"
export * from "./claim-task-completion"
export * from "./record-product-review"
