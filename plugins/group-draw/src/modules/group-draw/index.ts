import { Module } from "@medusajs/framework/utils"
import GroupDrawModuleService from "./service"

export const GROUP_DRAW_MODULE = "fission_group_draw"

export default Module(GROUP_DRAW_MODULE, { service: GroupDrawModuleService })

export { GroupDrawModuleService }
