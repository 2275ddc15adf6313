import { Module } from "@medusajs/framework/utils"
import WalletModuleService from "./service"

/** Container key of the wallet module (wallet payments, their refunds, paid top-ups). */
export const WALLET_MODULE = "fission_wallet"

export default Module(WALLET_MODULE, { service: WalletModuleService })

export { WalletModuleService }
export type { NewTopUp } from "./store/top-ups"
export * from "./types"
