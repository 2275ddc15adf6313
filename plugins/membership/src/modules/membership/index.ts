import { Module } from "@medusajs/framework/utils"
import MembershipModuleService from "./service"

export const MEMBERSHIP_MODULE = "fission_membership"

export default Module(MEMBERSHIP_MODULE, { service: MembershipModuleService })

export { MembershipModuleService }
