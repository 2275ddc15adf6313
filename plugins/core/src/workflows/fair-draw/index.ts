export * from "./client"
export * from "./steps"
export * from "./workflows"
export type {
  CommitDrawChainInput,
  CommitDrawChainResult,
  CommitDrawInput,
  CommitDrawResult,
  ExecuteDrawInputs,
  ExecuteDrawOptions,
  ExecuteDrawResult,
  FairDrawPublicRecord,
  FairDrawStatus,
} from "../../modules/fair-draw/types"
export type { DrawChain, DrawKind, DrawParticipant } from "../../utils/fair-draw"
