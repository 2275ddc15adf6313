export * from "./steps"
export * from "./workflows"
export type {
  CommitDrawInput,
  CommitDrawResult,
  ExecuteDrawInputs,
  ExecuteDrawResult,
  FairDrawPublicRecord,
  FairDrawStatus,
} from "../../modules/fair-draw/types"
