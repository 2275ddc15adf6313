import { z } from "@medusajs/framework/zod"

const date = z.string().refine((v) => !Number.isNaN(new Date(v).getTime()), "must be an ISO date")

export const StoreGetPointsStatementParams = z.strictObject({ from: date.optional(), to: date.optional() })
export type StoreGetPointsStatementParamsType = z.infer<typeof StoreGetPointsStatementParams>
