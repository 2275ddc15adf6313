import { Module } from "@medusajs/framework/utils"
import MemberTasksModuleService from "./service"

export const MEMBER_TASKS_MODULE = "fission_member_tasks"

export default Module(MEMBER_TASKS_MODULE, { service: MemberTasksModuleService })

export { MemberTasksModuleService }
export type { CompletionOutcome, RecordCompletionInput, TaskCompletionRow, TaskProgressRow } from "./service"
