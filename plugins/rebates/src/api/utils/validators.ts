import { z } from "@medusajs/framework/zod"

/** A `YYYY-MM` month (a local month of the store). */
export const zMonth = (field = "month") =>
  z
    .string({ error: `${field} must be a month YYYY-MM` })
    .regex(/^(20\d{2}|2[1-9]\d{2}|[3-9]\d{3})-(0[1-9]|1[0-2])$/, `${field} must be a month YYYY-MM (2000-01 … 9999-12)`)
