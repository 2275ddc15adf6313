import { Module } from "@medusajs/framework/utils"
import RefundRequestModuleService from "./service"

/** Container key of the refund-request module (`container.resolve(REFUND_REQUEST_MODULE)`). */
export const REFUND_REQUEST_MODULE = "fission_refund_request"

export default Module(REFUND_REQUEST_MODULE, { service: RefundRequestModuleService })

export { RefundRequestModuleService }
export * from "./types"
