import { Module } from "@medusajs/framework/utils"
import PointsMallModuleService from "./service"

export const POINTS_MALL_MODULE = "fission_points_mall"

export default Module(POINTS_MALL_MODULE, { service: PointsMallModuleService })

export { PointsMallModuleService }
