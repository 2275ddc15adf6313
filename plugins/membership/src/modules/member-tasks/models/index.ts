export { default as MemberTask } from "./member-task"
export { default as TaskCompletion } from "./task-completion"
export { default as ProductReview } from "./product-review"
