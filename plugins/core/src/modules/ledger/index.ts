import { Module } from "@medusajs/framework/utils"
import LedgerModuleService from "./service"

export const LEDGER_MODULE = "fission_ledger"

export default Module(LEDGER_MODULE, { service: LedgerModuleService })

export type { PostingInput, ReverseInput, SettleInput } from "./types"
export type { PostingResult } from "./store/engine"
export type { BulkCreditsInput, ProRataInput, ProRataResult } from "./store/bulk"
export type { CustomerAssetQuery, MovementKind } from "./store/movements"
export { LedgerModuleService }
