import { Module } from "@medusajs/framework/utils"
import RebatesModuleService from "./service"

export const REBATES_MODULE = "fission_rebates"

export default Module(REBATES_MODULE, { service: RebatesModuleService })

export { RebatesModuleService }
