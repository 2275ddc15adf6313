import { execFile } from "node:child_process"
import { createHash } from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createStep, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { commitDrawChainWorkflow, commitDrawWorkflow, drawPick, drawPosition, executeDrawWorkflow } from "@fission/core/workflows"
import { setupStore, StoreSetup } from "../helpers/setup"

jest.setTimeout(120_000)

const CLI = path.join(process.cwd(), "plugins", "core", "bin", "fission-verify.js")

/**
 * Runs the verifier CLI as a child process. Asynchronous on purpose: the
 * Medusa server answering the CLI's request runs in this very process.
 */
function verifyCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as any).code === "number" ? (error as any).code : -1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

const members = ["mem_a", "mem_b", "mem_c", "mem_d", "mem_e", "mem_f"].map((id, i) => ({ id, client_seed: `client-${i}` }))

// A workflow that commits a draw and then fails: the commitment must be rolled back.
const failAfterCommitStep = createStep("fission-test-fail-after-commit", async () => {
  throw new Error("boom after commit")
})
const commitThenFailWorkflow = createWorkflow(
  "fission-test-commit-then-fail",
  (input: { source_id: string }) => {
    const committed = commitDrawWorkflow.runAsStep({
      input: { kind: "pick", source_type: "test.rollback", source_id: input.source_id },
    })
    failAfterCommitStep()
    return new WorkflowResponse(committed)
  }
)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup

    beforeEach(async () => {
      store = await setupStore(getContainer(), api)
    })

    const getDraw = (id: string, headers = store.storeHeaders) =>
      api.get(`/store/fission/draws/${id}`, { headers }).catch((e: any) => e.response)

    it("publishes the commitment, reveals the seed after the draw, and the CLI verifies the store URL", async () => {
      const container = getContainer()
      const { result: committed } = await commitDrawWorkflow(container).run({
        input: { kind: "pick", source_type: "group_draw.group", source_id: "grp_http", round: 0 },
      })
      expect(committed.created).toBe(true)
      const drawId = committed.draw.id
      expect(committed.draw.seed).toBeNull()

      // Before the draw: commitment only, no seed, no inputs, no outcome.
      const before = await getDraw(drawId)
      expect(before.status).toBe(200)
      expect(before.data.draw).toMatchObject({
        id: drawId,
        version: "fission-draw/v2",
        kind: "pick",
        status: "committed",
        commitment: committed.draw.commitment,
        chain: null,
        seed: null,
        inputs: null,
        outcome: null,
        drawn_at: null,
        source_type: "group_draw.group",
        source_id: "grp_http",
        round: 0,
      })
      const url = `${api.defaults.baseURL}/store/fission/draws/${drawId}`
      const early = await verifyCli([url, "--key", store.fixture.publishable_key])
      expect(early.code).toBe(1)
      expect(early.stdout).toContain("INVALID")
      expect(early.stdout).toContain("seed not revealed")

      // The store route needs the publishable key, nothing else.
      const noKey = await api.get(`/store/fission/draws/${drawId}`).catch((e: any) => e.response)
      expect(noKey.status).toBe(400)

      const { result: executed } = await executeDrawWorkflow(container).run({
        input: { draw_id: drawId, inputs: { participants: members, params: { k: 2 } } },
      })
      expect(executed.executed).toBe(true)

      const after = await getDraw(drawId)
      expect(after.status).toBe(200)
      const record = after.data.draw
      expect(record.status).toBe("drawn")
      expect(createHash("sha256").update(record.seed, "utf8").digest("hex")).toBe(committed.draw.commitment)
      expect(record.inputs).toEqual({ campaign_id: "grp_http", round: 0, participants: members, params: { k: 2 } })
      expect(record.outcome.winners).toHaveLength(2)
      expect(record.outcome.digest).toMatch(/^[0-9a-f]{64}$/)
      expect(record).toEqual(executed.draw)

      const valid = await verifyCli([url, "--key", store.fixture.publishable_key, "--digest", record.outcome.digest])
      expect(valid.stderr).toBe("")
      expect(valid.stdout).toContain("VALID")
      expect(valid.stdout).not.toContain("INVALID")
      expect(valid.stdout).toContain(`digest:        ${record.outcome.digest} (sha256 of the inputs)`)
      expect(valid.code).toBe(0)
      const otherDigest = await verifyCli([url, "--key", store.fixture.publishable_key, "--digest", "0".repeat(64)])
      expect(otherDigest.stdout).toContain("is not the digest you were given")
      expect(otherDigest.code).toBe(1)

      // Tampered copy: same seed and outcome, participants in another order.
      const tampered = JSON.parse(JSON.stringify(after.data))
      tampered.draw.inputs.participants.reverse()
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fission-draw-")), "tampered.json")
      fs.writeFileSync(file, JSON.stringify(tampered))
      const invalid = await verifyCli([file])
      expect(invalid.stdout).toContain("INVALID: inputs digest mismatch")
      expect(invalid.code).toBe(1)

      // The untampered JSON as a file also verifies (the CLI accepts { draw: record }).
      fs.writeFileSync(file, JSON.stringify(after.data))
      expect((await verifyCli([file])).code).toBe(0)
    })

    it("the typed client: drawPick / drawPosition return typed outcomes with the digest and refuse another kind", async () => {
      const container = getContainer()
      const { result: pick } = await commitDrawWorkflow(container).run({
        input: { kind: "pick", source_type: "test.client", source_id: "cl_1" },
      })
      const wrongKind = await drawPosition(container, { draw_id: pick.draw.id, min: 1, max: 9 }).catch((e) => e)
      expect(wrongKind.message).toMatch(/is a pick draw, not a position draw/)

      const first = await drawPick(container, { draw_id: pick.draw.id, participants: members, count: 2 })
      expect(first).toMatchObject({ draw_id: pick.draw.id, executed: true, digest: expect.stringMatching(/^[0-9a-f]{64}$/) })
      expect(first.winners).toHaveLength(2)
      expect(first.winner_indexes.map((i) => members[i].id)).toEqual(first.winners)
      expect(first.draw.outcome).toEqual({ winners: first.winners, winner_indexes: first.winner_indexes, digest: first.digest })
      const again = await drawPick(container, { draw_id: pick.draw.id, participants: members, count: 2 })
      expect(again).toEqual({ ...first, executed: false })
      expect((await getDraw(pick.draw.id)).data.draw).toEqual(first.draw)
    })

    it("a seed chain: one head at the start, each round public and verifiable once drawn, later rounds hidden", async () => {
      const container = getContainer()
      const { result: chain } = await commitDrawChainWorkflow(container).run({
        input: { kind: "pick", source_type: "presale.free_order", source_id: "pre_http", rounds: 3 },
      })
      expect(chain).toMatchObject({ created: true, chain: { length: 3 } })
      const [r0, r1, r2] = chain.rounds
      const before = await Promise.all(chain.rounds.map((r) => getDraw(r.draw_id)))
      expect(before.map((r) => [r.data.draw.round, r.data.draw.commitment, r.data.draw.chain])).toEqual([
        [0, chain.chain.head, chain.chain],
        [1, null, chain.chain],
        [2, null, chain.chain],
      ])
      // drawing out of order is refused: round 1's seed would reveal round 0's
      const early = await drawPick(container, { draw_id: r1.draw_id, participants: members, count: 1 }).catch((e) => e)
      expect(early.message).toMatch(/cannot be drawn before round 0/)

      const url = (id: string) => `${api.defaults.baseURL}/store/fission/draws/${id}`
      const first = await drawPick(container, { draw_id: r0.draw_id, participants: members, count: 1 })
      // Until drawn, round 1 shows only the head: its commitment is round 0's seed (now public there).
      expect((await getDraw(r1.draw_id)).data.draw).toMatchObject({ commitment: null, seed: null, status: "committed" })
      const checked = await verifyCli([url(r0.draw_id), "--key", store.fixture.publishable_key, "--digest", first.digest!])
      expect(checked.stdout).toContain(`chain:         head ${chain.chain.head}, round 0 of 3`)
      expect(checked.code).toBe(0)

      const rest = members.filter((m) => !first.winners.includes(m.id))
      const second = await drawPick(container, { draw_id: r1.draw_id, participants: rest, count: 1 })
      expect((await verifyCli([url(r1.draw_id), "--key", store.fixture.publishable_key])).code).toBe(0)
      expect(second.draw.commitment).toBe(first.draw.seed) // round 1 committed to round 0's seed
      expect((await getDraw(r2.draw_id)).data.draw).toMatchObject({ commitment: null, seed: null, status: "committed" })
    })

    it("re-executing is idempotent for equal inputs and a conflict for different ones", async () => {
      const container = getContainer()
      const { result: committed } = await commitDrawWorkflow(container).run({
        input: { kind: "split", source_type: "group_draw.red_envelope", source_id: "env_http" },
      })
      const again = await commitDrawWorkflow(container).run({
        input: { kind: "split", source_type: "group_draw.red_envelope", source_id: "env_http" },
      })
      expect(again.result.created).toBe(false)
      expect(again.result.draw.commitment).toBe(committed.draw.commitment)

      const inputs = { participants: members, params: { total: 888 } }
      const first = await executeDrawWorkflow(container).run({ input: { draw_id: committed.draw.id, inputs } })
      const second = await executeDrawWorkflow(container).run({ input: { draw_id: committed.draw.id, inputs } })
      expect(second.result.executed).toBe(false)
      expect(second.result.draw).toEqual(first.result.draw)

      const { errors } = await executeDrawWorkflow(container).run({
        input: { draw_id: committed.draw.id, inputs: { participants: members.slice(1), params: { total: 888 } } },
        throwOnError: false,
      })
      expect(errors[0].error.message).toMatch(/already executed with different inputs/)
      expect((await getDraw(committed.draw.id)).data.draw).toEqual(first.result.draw)
    })

    it("rolls back a commitment made by a failing workflow, but never one it did not create", async () => {
      const container = getContainer()
      const failed = await commitThenFailWorkflow(container).run({ input: { source_id: "rb_1" }, throwOnError: false })
      expect(failed.errors[0].error.message).toMatch(/boom after commit/)
      const list = await api.get("/admin/fission/draws?source_type=test.rollback", { headers: store.adminHeaders })
      expect(list.data.count).toBe(0)

      const { result: existing } = await commitDrawWorkflow(container).run({
        input: { kind: "pick", source_type: "test.rollback", source_id: "rb_2" },
      })
      await commitThenFailWorkflow(container).run({ input: { source_id: "rb_2" }, throwOnError: false })
      const kept = await getDraw(existing.draw.id)
      expect(kept.status).toBe(200)
      expect(kept.data.draw.commitment).toBe(existing.draw.commitment)
    })

    it("returns 404 for an unknown draw id", async () => {
      const res = await getDraw("draw_does_not_exist")
      expect(res.status).toBe(404)
      expect(res.data.type).toBe("not_found")
    })

    it("lists and shows draws to admins only, with verification of drawn records", async () => {
      const container = getContainer()
      const ids: string[] = []
      for (const source_id of ["bbc_1", "bbc_2", "bbc_3"]) {
        const { result } = await commitDrawWorkflow(container).run({
          input: { kind: "position", source_type: "blind_box.campaign", source_id },
        })
        ids.push(result.draw.id)
      }
      await commitDrawWorkflow(container).run({ input: { kind: "weighted", source_type: "presale.free_order", source_id: "pre_1", round: 2 } })
      await executeDrawWorkflow(container).run({ input: { draw_id: ids[1], inputs: { params: { min: 1, max: 50 } } } })

      const anonymous = await api.get("/admin/fission/draws").catch((e: any) => e.response)
      expect(anonymous.status).toBe(401)
      const anonymousOne = await api.get(`/admin/fission/draws/${ids[0]}`).catch((e: any) => e.response)
      expect(anonymousOne.status).toBe(401)

      const all = await api.get("/admin/fission/draws", { headers: store.adminHeaders })
      expect(all.data).toMatchObject({ count: 4, offset: 0, limit: 20 })
      expect(all.data.draws).toHaveLength(4)

      const boxes = await api.get("/admin/fission/draws?source_type=blind_box.campaign&limit=2", { headers: store.adminHeaders })
      expect(boxes.data).toMatchObject({ count: 3, offset: 0, limit: 2 })
      expect(boxes.data.draws).toHaveLength(2)

      const drawn = await api.get("/admin/fission/draws?status=drawn", { headers: store.adminHeaders })
      expect(drawn.data.count).toBe(1)
      expect(drawn.data.draws[0]).toMatchObject({ id: ids[1], status: "drawn", verification: { valid: true, errors: [] } })

      const bySource = await api.get("/admin/fission/draws?source_id=bbc_3", { headers: store.adminHeaders })
      expect(bySource.data.draws.map((d: any) => d.id)).toEqual([ids[2]])

      // Admins do not see a seed before the draw either.
      const pending = await api.get(`/admin/fission/draws/${ids[0]}`, { headers: store.adminHeaders })
      expect(pending.data.draw).toMatchObject({ id: ids[0], status: "committed", seed: null, verification: null })

      const one = await api.get(`/admin/fission/draws/${ids[1]}`, { headers: store.adminHeaders })
      expect(one.data.draw.verification.valid).toBe(true)
      expect(one.data.draw.outcome.position).toBeGreaterThanOrEqual(1)
      expect(one.data.draw.outcome.position).toBeLessThanOrEqual(50)

      const bad = await api.get("/admin/fission/draws?status=won", { headers: store.adminHeaders }).catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/status/)
      const missing = await api.get("/admin/fission/draws/draw_nope", { headers: store.adminHeaders }).catch((e: any) => e.response)
      expect(missing.status).toBe(404)
    })
  },
})
