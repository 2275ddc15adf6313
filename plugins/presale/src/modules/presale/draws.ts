import type { Trx } from "./participants"

/** The entrants of round r: participants 1..threshold who had not won before round r, in number order. */
export async function roundEntrants(trx: Trx, campaign_id: string, round: number, threshold: number) {
  const { rows } = await trx.raw(
    `SELECT id, client_seed FROM presale_participant
      WHERE campaign_id = ? AND number <= ? AND (won_round IS NULL OR won_round >= ?) AND deleted_at IS NULL
      ORDER BY number`,
    [campaign_id, threshold, round]
  )
  return rows as { id: string; client_seed: string | null }[]
}

/**
 * Records round r's winner once: `draws_done` moves from r to r + 1 with a conditional update,
 * so of two writers of the same round (their draw inputs and outcome are identical — the
 * entrants are fixed by the rounds before) exactly one records it.
 */
export async function recordRound(
  trx: Trx,
  input: { campaign_id: string; round: number; winner_id: string; entrants: number; digest: string | null }
): Promise<boolean> {
  const { rows } = await trx.raw(
    `UPDATE presale_campaign SET draws_done = draws_done + 1, updated_at = now()
      WHERE id = ? AND draws_done = ? AND deleted_at IS NULL RETURNING id`,
    [input.campaign_id, input.round]
  )
  if (!rows.length) return false
  await trx.raw(
    `UPDATE presale_participant SET won_round = ?, updated_at = now() WHERE id = ? AND campaign_id = ? AND won_round IS NULL`,
    [input.round, input.winner_id, input.campaign_id]
  )
  await trx.raw(
    `UPDATE presale_draw SET winner_participant_id = ?, entrants = ?, digest = ?, drawn_at = now(), updated_at = now()
      WHERE campaign_id = ? AND round = ? AND deleted_at IS NULL`,
    [input.winner_id, input.entrants, input.digest, input.campaign_id, input.round]
  )
  return true
}

/** Inserts the committed rounds (chain draw ids) of a campaign, 1,000 rows per statement; idempotent. */
export async function insertRounds(trx: Trx, campaign_id: string, freeInterval: number, rounds: { round: number; draw_id: string }[]) {
  for (let i = 0; i < rounds.length; i += 1000) {
    const chunk = rounds.slice(i, i + 1000)
    const values = chunk.map(() => `('psd_' || upper(replace(gen_random_uuid()::text, '-', '')), ?, ?, ?, ?, now(), now())`).join(", ")
    await trx.raw(
      `INSERT INTO presale_draw (id, campaign_id, round, draw_id, threshold, created_at, updated_at) VALUES ${values}
       ON CONFLICT (campaign_id, round) WHERE deleted_at IS NULL DO NOTHING`,
      chunk.flatMap((r) => [campaign_id, r.round, r.draw_id, (r.round + 1) * freeInterval])
    )
  }
}
