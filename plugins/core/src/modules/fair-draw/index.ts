import { Module } from "@medusajs/framework/utils"
import FairDrawModuleService from "./service"

/** Container key of the fair-draw module (`container.resolve(FAIR_DRAW_MODULE)`). */
export const FAIR_DRAW_MODULE = "fission_draw"

export default Module(FAIR_DRAW_MODULE, {
  service: FairDrawModuleService,
})

export { FairDrawModuleService }
export * from "./types"
