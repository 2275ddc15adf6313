import { execFile } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { commitmentOf, verifyDraw } from "@fission/core/utils"
import { loginShopper } from "../helpers/actors"
import { captureOrder, placeOrder } from "../helpers/checkout"
import { setupStore, StoreSetup } from "../helpers/setup"
import { waitFor } from "../helpers/wait"

// Defect 9 through a real group draw: the draw fixes a digest of all its ordered public
// inputs, every member is told it with their result (notification, group route, draw
// route), and a record altered afterwards no longer verifies — whatever the luck.

jest.setTimeout(300_000)

const CLI = path.join(process.cwd(), "plugins", "core", "bin", "fission-verify.js")

/** The verifier CLI as a child process (asynchronous: the server it asks runs in this process). */
function verifyCli(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { timeout: 60_000 }, (error, stdout) => {
      resolve({ code: error ? (typeof (error as any).code === "number" ? (error as any).code : -1) : 0, stdout })
    })
  })
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup

    beforeEach(async () => {
      store = await setupStore(getContainer(), api)
    })

    it("a 1-of-4 group: the digest is told to every member, verifies, and binds every input", async () => {
      const tea = store.fixture.products["tea-gift-box"]
      const { data: created } = await api.post(
        "/admin/fission/group-draws",
        {
          title: "1 of 4",
          variant_id: tea.variant_id,
          price: tea.price,
          currency_code: "cny",
          status: "active",
          group_size: 4,
          winners: 1,
          loser_reward: 1,
          red_envelope_amount: 10,
          red_envelope_split: "random",
        },
        { headers: store.adminHeaders }
      )
      const campaign = created.group_draw
      const people: any[] = []
      for (let i = 0; i < 4; i++) {
        people.push(await loginShopper(getContainer(), api, store.fixture.publishable_key, `fair${i}@fission.test`))
      }
      const { data: opened } = await api.post(`/store/fission/group-draws/${campaign.id}/groups`, {}, { headers: people[0].headers })
      for (const [i, who] of people.entries()) {
        const order = await placeOrder(api, who.headers, store.fixture, [
          { variant_id: tea.variant_id, quantity: 1, metadata: { group_draw_campaign_id: campaign.id, group_id: opened.group.id, client_seed: `client-${i}` } },
        ])
        await captureOrder(api, store.adminHeaders, order.id)
      }

      const group = await waitFor(
        async () => (await api.get(`/store/fission/groups/${opened.group.id}`, { headers: store.storeHeaders })).data.group,
        (g) => g.status === "completed",
        { timeout: 120_000 }
      )
      // The group route tells the digest of both draws.
      expect(group.draw).toMatchObject({ version: "fission-draw/v2", status: "drawn", commitment: opened.group.commitment })
      expect(group.draw_digest).toMatch(/^[0-9a-f]{64}$/)
      expect(group.draw_digest).toBe(group.draw.outcome.digest)
      expect(group.envelope_draw_digest).toBe(group.envelope_draw.outcome.digest)
      expect(group.draw.inputs.participants.map((p: any) => p.client_seed)).toEqual(["client-0", "client-1", "client-2", "client-3"])

      // The draw route serves the same record; it verifies with the digest members were told.
      const { data: served } = await api.get(`/store/fission/draws/${group.draw_id}`, { headers: store.storeHeaders })
      expect(served.draw).toEqual(group.draw)
      expect(verifyDraw(served.draw, { expected_digest: group.draw_digest }).errors).toEqual([])
      expect(verifyDraw(group.envelope_draw).errors).toEqual([])

      // Every member's won/lost notification carries the draw, its URL and its digest.
      const notifications: any = getContainer().resolve(Modules.NOTIFICATION)
      const results = await waitFor(
        async () =>
          (await notifications.listNotifications({ resource_id: opened.group.id })).filter((n: any) =>
            ["fission.group_draw.won", "fission.group_draw.lost"].includes(n.template)
          ),
        (rows: any[]) => rows.length === 4
      )
      expect(results.filter((n: any) => n.template === "fission.group_draw.won")).toHaveLength(1)
      for (const n of results) {
        expect(n.data.draw).toEqual({
          id: group.draw_id,
          url: `/store/fission/draws/${group.draw_id}`,
          commitment: group.draw.commitment,
          digest: group.draw_digest,
        })
        expect(n.data.envelope_draw.digest).toBe(group.envelope_draw_digest)
      }
      const told = results[0].data.draw.digest
      const url = `${api.defaults.baseURL}/store/fission/draws/${group.draw_id}`
      const cli = await verifyCli([url, "--key", store.fixture.publishable_key, "--digest", told])
      expect(cli.stdout).toContain("VALID")
      expect(cli.code).toBe(0)

      // Altered after the draw, each kind of input: INVALID, also where the winner would not change.
      const record = served.draw
      const winner = record.outcome.winner_indexes[0]
      const loser = (winner + 1) % 4
      const otherSeed = commitmentOf("another seed")
      const alterations: [string, (r: any) => void][] = [
        ["a loser's participant id", (r) => (r.inputs.participants[loser].id = "gdm_forged")],
        ["a loser's client seed", (r) => (r.inputs.participants[loser].client_seed = "forged")],
        ["the order of the participants", (r) => r.inputs.participants.reverse()],
        ["a param", (r) => (r.inputs.params.k = 2)],
        ["the round", (r) => ((r.inputs.round = 1), (r.round = 1))],
        ["the campaign id", (r) => ((r.inputs.campaign_id = "grp_forged"), (r.source_id = "grp_forged"))],
        ["the outcome", (r) => ((r.outcome.winner_indexes = [loser]), (r.outcome.winners = [r.inputs.participants[loser].id]))],
        ["the seed (with its commitment)", (r) => ((r.seed = otherSeed), (r.commitment = commitmentOf(otherSeed)))],
      ]
      for (const [what, alter] of alterations) {
        const tampered = JSON.parse(JSON.stringify(record))
        alter(tampered)
        const result = verifyDraw(tampered)
        expect({ what, valid: result.valid }).toEqual({ what, valid: false })
      }
      // one of them through the CLI, as a participant would check a copy
      const copy = JSON.parse(JSON.stringify(record))
      copy.inputs.participants[loser].id = "gdm_forged"
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fission-fair-")), "draw.json")
      fs.writeFileSync(file, JSON.stringify({ draw: copy }))
      const forged = await verifyCli([file])
      expect(forged.stdout).toContain("INVALID: inputs digest mismatch")
      expect(forged.code).toBe(1)
    })
  },
})
