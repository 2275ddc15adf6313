import { z } from "@medusajs/framework/zod"

export const StoreCreateWalletTopUp = z.strictObject({
  cart_id: z.string().min(1).max(100).regex(/^cart_[0-9A-Za-z]+$/, "cart_id must be a cart id (cart_…)"),
  amount: z
    .union([z.number(), z.string()])
    .refine(
      (v) => /^\d+(\.\d{1,2})?$/.test(String(v).trim()) && Number(v) > 0 && Number(v) <= 1_000_000,
      "amount must be a positive decimal with at most 2 decimals, at most 1000000"
    ),
})
export type StoreCreateWalletTopUpType = z.infer<typeof StoreCreateWalletTopUp>
