import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * The customer's direct referrer from @fission/distribution's `referral` table —
 * read by SQL only when that table exists, so membership works without
 * distribution. Only an unexpired binding counts.
 */
export async function referrerOf(container: MedusaContainer, customer_id: string): Promise<string | null> {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const exists = await pg.raw(`SELECT to_regclass('referral') IS NOT NULL AS present`)
  if (!exists.rows?.[0]?.present) return null
  const found = await pg.raw(
    `SELECT referrer_id FROM referral WHERE customer_id = ? AND deleted_at IS NULL AND (expires_at IS NULL OR expires_at > now()) LIMIT 1`,
    [customer_id]
  )
  return found.rows?.[0]?.referrer_id ?? null
}
