import { Module } from "@medusajs/framework/utils"
import BlindBoxModuleService from "./service"

export const BLIND_BOX_MODULE = "fission_blind_box"

export default Module(BLIND_BOX_MODULE, { service: BlindBoxModuleService })

export { BlindBoxModuleService }
