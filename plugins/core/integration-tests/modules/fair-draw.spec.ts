import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MedusaError } from "@medusajs/framework/utils"
import { FAIR_DRAW_MODULE } from "../../src/modules/fair-draw"
import FairDrawModuleService from "../../src/modules/fair-draw/service"
import { canonicalMessage, commitmentOf, hashTimes, messageDigest, runDraw, verifyDraw } from "../../src/utils/fair-draw"

jest.setTimeout(60_000)

const participants = ["alice", "bob", "carol", "dave", "erin"].map((id, i) => ({ id, client_seed: `cs-${i}` }))
const pickInputs = { participants, params: { k: 2 } }
const source = { kind: "pick" as const, source_type: "group_draw.group", source_id: "grp_1" }

async function expectMedusaError(promise: Promise<unknown>, type: string, message?: RegExp) {
  const error: any = await promise.then(
    () => null,
    (e) => e
  )
  expect(error).toBeInstanceOf(MedusaError)
  expect(error.type).toBe(type)
  if (message) expect(error.message).toMatch(message)
}

moduleIntegrationTestRunner<FairDrawModuleService>({
  moduleName: FAIR_DRAW_MODULE,
  resolve: path.join(__dirname, "../../src/modules/fair-draw"),
  // Build the schema from the hand-written migration, so the test also checks it.
  pathToMigrations: path.join(__dirname, "../../src/modules/fair-draw/migrations"),
  testSuite: ({ service, MikroOrmWrapper }) => {
    const sql = (query: string, params: unknown[] = []) => MikroOrmWrapper.forkManager().execute(query, params)

    it("commit is idempotent per (source_type, source_id, round) and never exposes the seed", async () => {
      const first = await service.commit(source)
      expect(first.created).toBe(true)
      expect(first.draw.id).toMatch(/^draw_/)
      expect(first.draw).toMatchObject({ status: "committed", round: 0, seed: null, inputs: null, outcome: null, drawn_at: null })
      expect(first.draw.commitment).toMatch(/^[0-9a-f]{64}$/)

      const again = await service.commit({ ...source, round: 0 })
      expect(again.created).toBe(false)
      expect(again.draw).toEqual(first.draw)

      const otherRound = await service.commit({ ...source, round: 1 })
      expect(otherRound.created).toBe(true)
      expect(otherRound.draw.id).not.toBe(first.draw.id)
      expect(otherRound.draw.commitment).not.toBe(first.draw.commitment)

      // The stored seed is the preimage of the commitment, but stays out of the public view.
      const stored = await service.retrieveFairDraw(first.draw.id)
      expect(commitmentOf(stored.seed)).toBe(first.draw.commitment)
      expect(JSON.stringify(service.toPublicRecord(stored as any))).not.toContain(stored.seed)
    })

    it("commit refuses to change the kind of an existing draw and rejects bad input", async () => {
      await service.commit(source)
      await expectMedusaError(service.commit({ ...source, kind: "weighted" }), MedusaError.Types.DUPLICATE_ERROR, /already committed with kind pick/)
      await expectMedusaError(service.commit({ ...source, kind: "dice" as any }), MedusaError.Types.INVALID_DATA, /kind/)
      await expectMedusaError(service.commit({ ...source, source_id: "" }), MedusaError.Types.INVALID_DATA, /source_id/)
      await expectMedusaError(service.commit({ ...source, round: -1 }), MedusaError.Types.INVALID_DATA, /round/)
    })

    it("execute reveals the seed and stores exactly runDraw(kind, seed, inputs); the record verifies", async () => {
      const { draw } = await service.commit(source)
      const { seed } = await service.retrieveFairDraw(draw.id)

      const { draw: drawn, executed } = await service.execute(draw.id, pickInputs)
      expect(executed).toBe(true)
      const frozenInputs = { campaign_id: "grp_1", round: 0, participants, params: { k: 2 } }
      expect(drawn).toMatchObject({ status: "drawn", version: "fission-draw/v2", chain: null, seed, commitment: draw.commitment, inputs: frozenInputs })
      expect(drawn.outcome).toEqual(runDraw("pick", seed, frozenInputs))
      // the digest of every public input, commitment included, fixed in the outcome
      expect((drawn.outcome as any).digest).toBe(messageDigest(canonicalMessage("pick", frozenInputs, { commitment: draw.commitment! })))
      expect(new Date(drawn.drawn_at!).getTime()).not.toBeNaN()

      const verification = verifyDraw(drawn)
      expect(verification.errors).toEqual([])
      expect(verification.valid).toBe(true)
    })

    it("re-executing with canonically equal inputs returns the stored result unchanged", async () => {
      const { draw } = await service.commit(source)
      const first = await service.execute(draw.id, pickInputs)
      // Same draw, spelled differently: explicit campaign_id/round, client seeds equal after normalization.
      const same = await service.execute(draw.id, { campaign_id: "grp_1", round: 0, participants, params: { k: 2 } })
      expect(same.executed).toBe(false)
      expect(same.draw).toEqual(first.draw)
    })

    it("re-executing with different inputs is a conflict and changes nothing", async () => {
      const { draw } = await service.commit(source)
      const first = await service.execute(draw.id, pickInputs)
      const reordered = { participants: [...participants].reverse(), params: { k: 2 } }
      await expectMedusaError(service.execute(draw.id, reordered), MedusaError.Types.DUPLICATE_ERROR, /already executed with different inputs/)
      await expectMedusaError(service.execute(draw.id, { participants, params: { k: 3 } }), MedusaError.Types.DUPLICATE_ERROR)
      const after = await service.retrieveFairDraw(draw.id)
      expect(service.toPublicRecord(after as any)).toEqual(first.draw)
    })

    it("invalid inputs are INVALID_DATA and leave the draw committed with its seed secret", async () => {
      const { draw } = await service.commit(source)
      await expectMedusaError(service.execute(draw.id, { participants, params: { k: 9 } }), MedusaError.Types.INVALID_DATA, /params.k/)
      await expectMedusaError(
        service.execute(draw.id, { participants, params: { k: 1 }, extra: true } as any),
        MedusaError.Types.INVALID_DATA,
        /unknown field/
      )
      // Inputs are bound to the committed draw: campaign_id and round cannot be chosen at draw time.
      await expectMedusaError(service.execute(draw.id, { ...pickInputs, campaign_id: "other" }), MedusaError.Types.INVALID_DATA, /campaign_id/)
      await expectMedusaError(service.execute(draw.id, { ...pickInputs, round: 3 }), MedusaError.Types.INVALID_DATA, /round/)
      await expectMedusaError(service.execute("draw_missing", pickInputs), MedusaError.Types.NOT_FOUND)

      const after = await service.retrieveFairDraw(draw.id)
      expect(after.status).toBe("committed")
      expect(service.toPublicRecord(after as any)).toMatchObject({ seed: null, inputs: null, outcome: null })
    })

    it("20 concurrent executions with the same inputs store one outcome and all return it", async () => {
      const { draw } = await service.commit({ kind: "split", source_type: "group_draw.red_envelope", source_id: "env_1" })
      // Many participants make each draw take a few ms, which widens the race window.
      const many = Array.from({ length: 3000 }, (_, i) => ({ id: `cus_${i}`, client_seed: `seed-${i}` }))
      const inputs = { participants: many, params: { total: 1_000_000, min_share: 1 } }
      const results = await Promise.all(Array.from({ length: 20 }, () => service.execute(draw.id, inputs)))

      expect(results.filter((r) => r.executed)).toHaveLength(1)
      for (const r of results) expect(r.draw).toEqual(results[0].draw)
      const stored = await service.retrieveFairDraw(draw.id)
      expect(stored.outcome).toEqual(results[0].draw.outcome)
      expect((stored.outcome as any).shares.reduce((a: number, b: number) => a + b, 0)).toBe(1_000_000)
      expect(verifyDraw(results[0].draw).valid).toBe(true)
    })

    it("execute refuses a draw of another kind than the caller expects, leaving it committed", async () => {
      const { draw } = await service.commit(source)
      await expectMedusaError(
        service.execute(draw.id, { params: { min: 1, max: 5 } } as any, { kind: "position" }),
        MedusaError.Types.INVALID_DATA,
        /is a pick draw, not a position draw/
      )
      expect((await service.retrieveFairDraw(draw.id)).status).toBe("committed")
      expect((await service.execute(draw.id, pickInputs, { kind: "pick" })).executed).toBe(true)
    })

    it("a draw stored by fission-draw/v1 keeps verifying and re-executing idempotently", async () => {
      const { draw } = await service.commit(source)
      const { seed } = await service.retrieveFairDraw(draw.id)
      const frozen = { campaign_id: "grp_1", round: 0, participants, params: { k: 2 } }
      // what the v1 code stored (the migration labels such rows v1)
      const v1Outcome = runDraw("pick", seed, frozen, { version: "fission-draw/v1" })
      await sql(`UPDATE fair_draw SET status = 'drawn', version = 'fission-draw/v1', inputs = ?::jsonb, outcome = ?::jsonb, drawn_at = now() WHERE id = ?`, [
        JSON.stringify(frozen),
        JSON.stringify(v1Outcome),
        draw.id,
      ])
      const again = await service.execute(draw.id, pickInputs)
      expect(again.executed).toBe(false)
      expect(again.draw).toMatchObject({ version: "fission-draw/v1", outcome: v1Outcome })
      expect(verifyDraw(again.draw).errors).toEqual([])
      await expectMedusaError(service.execute(draw.id, { participants: participants.slice(1), params: { k: 2 } }), MedusaError.Types.DUPLICATE_ERROR)
    })

    describe("seed chains", () => {
      const chainSource = { kind: "pick" as const, source_type: "presale.free_order", source_id: "pre_1" }

      it("commits every round at once behind one head; each round verifies as soon as it is drawn", async () => {
        const committed = await service.commitChain({ ...chainSource, rounds: 5 })
        expect(committed.created).toBe(true)
        expect(committed.chain).toEqual({ head: expect.stringMatching(/^[0-9a-f]{64}$/), length: 5 })
        expect(committed.rounds.map((r) => r.round)).toEqual([0, 1, 2, 3, 4])
        expect(JSON.stringify(committed)).not.toMatch(/"seed"/)

        const rows = await Promise.all(committed.rounds.map((r) => service.retrieveFairDraw(r.draw_id)))
        rows.forEach((row: any, r) => {
          expect(hashTimes(row.seed, r + 1)).toBe(committed.chain.head)
          expect(row).toMatchObject({ round: r, kind: "pick", chain_head: committed.chain.head, chain_length: 5, status: "committed" })
        })
        // Before its predecessor is drawn a round shows no commitment: it would be that round's seed.
        const publicBefore = rows.map((row) => service.toPublicRecord(row as any))
        expect(publicBefore.map((d) => d.commitment)).toEqual([committed.chain.head, null, null, null, null])
        expect(publicBefore.every((d) => d.seed === null)).toBe(true)

        const pool = ["c1", "c2", "c3", "c4", "c5", "c6", "c7"].map((id, i) => ({ id, client_seed: `s${i}` }))
        const winners: string[] = []
        for (const { round, draw_id } of committed.rounds) {
          const { draw } = await service.execute(draw_id, { participants: pool.filter((p) => !winners.includes(p.id)), params: { k: 1 } }, { kind: "pick" })
          expect(draw).toMatchObject({ round, status: "drawn", chain: committed.chain, commitment: round === 0 ? committed.chain.head : rows[round - 1].seed })
          expect(verifyDraw(draw).errors).toEqual([])
          winners.push(...(draw.outcome as any).winners)
        }
        expect(new Set(winners).size).toBe(5)
      })

      it("rounds are drawn in order: round r would reveal the earlier seeds", async () => {
        const { rounds } = await service.commitChain({ ...chainSource, rounds: 3 })
        const inputs = { participants, params: { k: 1 } }
        await expectMedusaError(service.execute(rounds[1].draw_id, inputs), MedusaError.Types.NOT_ALLOWED, /cannot be drawn before round 0/)
        await expectMedusaError(service.execute(rounds[2].draw_id, inputs), MedusaError.Types.NOT_ALLOWED, /before round 1/)
        expect((await service.retrieveFairDraw(rounds[1].draw_id)).status).toBe("committed")
        await service.execute(rounds[0].draw_id, inputs)
        expect((await service.execute(rounds[1].draw_id, inputs)).executed).toBe(true)
      })

      it("is idempotent per source, kind and length, and concurrent commits create one chain", async () => {
        const results = await Promise.all(Array.from({ length: 10 }, () => service.commitChain({ ...chainSource, rounds: 80 })))
        expect(results.filter((r) => r.created)).toHaveLength(1)
        expect(new Set(results.map((r) => r.chain.head)).size).toBe(1)
        for (const r of results) expect(r.rounds).toEqual(results[0].rounds)
        const [, count] = await service.listAndCountFairDraws({ source_type: chainSource.source_type, source_id: chainSource.source_id })
        expect(count).toBe(80)
      })

      it("refuses another chain or single draws in its rounds, and rejects bad input", async () => {
        await service.commitChain({ ...chainSource, rounds: 3 })
        await expectMedusaError(
          service.commitChain({ ...chainSource, rounds: 4 }),
          MedusaError.Types.DUPLICATE_ERROR,
          /^presale.free_order pre_1 already has a 3-round pick chain, not a 4-round pick chain$/
        )
        await expectMedusaError(service.commitChain({ ...chainSource, rounds: 2 }), MedusaError.Types.DUPLICATE_ERROR, /already has a 3-round pick chain/)
        await expectMedusaError(service.commitChain({ ...chainSource, kind: "position", rounds: 3 }), MedusaError.Types.DUPLICATE_ERROR, /not a 3-round position chain/)
        await service.commit({ kind: "pick", source_type: "presale.free_order", source_id: "pre_2", round: 1 })
        await expectMedusaError(
          service.commitChain({ ...chainSource, source_id: "pre_2", rounds: 3 }),
          MedusaError.Types.DUPLICATE_ERROR,
          /already has 1 single draw\(s\) in rounds 0..2, not a 3-round pick chain/
        )
        const [, left] = await service.listAndCountFairDraws({ source_id: "pre_2" })
        expect(left).toBe(1) // the refused chain's rounds were rolled back
        await expectMedusaError(service.commitChain({ ...chainSource, rounds: 0 }), MedusaError.Types.INVALID_DATA, /rounds must be an integer/)
        await expectMedusaError(service.commitChain({ ...chainSource, rounds: 100_001 }), MedusaError.Types.INVALID_DATA)
      })

      it("discarding an undrawn chain deletes it; once a round is drawn it stays", async () => {
        const a = await service.commitChain({ ...chainSource, source_id: "pre_a", rounds: 3 })
        expect(await service.discardCommittedChain({ source_type: chainSource.source_type, source_id: "pre_a", head: a.chain.head })).toBe(3)
        const b = await service.commitChain({ ...chainSource, source_id: "pre_b", rounds: 3 })
        await service.execute(b.rounds[0].draw_id, { participants, params: { k: 1 } })
        expect(await service.discardCommittedChain({ source_type: chainSource.source_type, source_id: "pre_b", head: b.chain.head })).toBe(0)
      })
    })

    it("20 concurrent commits of the same source create one row", async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => service.commit({ ...source, round: 7 })))
      expect(results.filter((r) => r.created)).toHaveLength(1)
      expect(new Set(results.map((r) => r.draw.id)).size).toBe(1)
      expect(new Set(results.map((r) => r.draw.commitment)).size).toBe(1)
      const [rows, count] = await service.listAndCountFairDraws({ source_type: source.source_type, source_id: source.source_id })
      expect(count).toBe(1)
      expect(rows[0].round).toBe(7)
    })
  },
})
