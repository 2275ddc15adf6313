import { inflateSync } from "node:zlib"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type DistributionModuleService from "../../plugins/distribution/src/modules/distribution/service"
import { qrMatrix } from "../../plugins/distribution/src/utils/referral/poster"
import { Headers, loginShopper, PASSWORD } from "../helpers/actors"
import { placeOrder } from "../helpers/checkout"
import { setupStore, StoreSetup } from "../helpers/setup"
import { waitFor } from "../helpers/wait"
import { runWorkflow } from "../helpers/workflows"

const DISTRIBUTION_MODULE = "fission_distribution"

jest.setTimeout(240_000)

type Shopper = { id: string; email: string; headers: Headers; code?: string }

/** Decodes the poster's 8-bit grayscale PNG. */
function decodePng(png: Buffer) {
  let offset = 8
  let width = 0
  const idat: Buffer[] = []
  while (offset < png.length) {
    const length = png.readUInt32BE(offset)
    const type = png.toString("ascii", offset + 4, offset + 8)
    const data = png.subarray(offset + 8, offset + 8 + length)
    if (type === "IHDR") width = data.readUInt32BE(0)
    if (type === "IDAT") idat.push(data)
    offset += 12 + length
  }
  const raw = inflateSync(Buffer.concat(idat))
  return { width, at: (x: number, y: number) => raw[y * (width + 1) + 1 + x] }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    const admin = () => ({ headers: store.adminHeaders })
    const service = () => getContainer().resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const fail = (e: any) => e.response ?? Promise.reject(e)

    beforeEach(async () => {
      store = await setupStore(getContainer(), api)
    })

    async function shopper(name: string, last = "Tester"): Promise<Shopper> {
      const email = `${name.toLowerCase()}.${last.toLowerCase()}@fission.test`
      const { customer, headers } = await loginShopper(getContainer(), api, store.fixture.publishable_key, email)
      await getContainer().resolve("customer").updateCustomers(customer.id, { first_name: name, last_name: last })
      return { id: customer.id, email, headers }
    }
    async function withCode(s: Shopper) {
      const { data } = await api.get("/store/fission/referral", { headers: s.headers })
      s.code = data.referral.code
      return s
    }
    const bind = (s: Shopper, code: string | undefined, extra: Record<string, unknown> = {}) =>
      api.post("/store/fission/referral/bind", { code, ...extra }, { headers: s.headers }).catch(fail)
    const counts = async (s: Shopper) => (await api.get("/store/fission/referral", { headers: s.headers })).data.referral.counts
    const setSettings = (body: Record<string, unknown>) => api.post("/admin/fission/distribution/settings", body, admin()).catch(fail)

    /** A ← B ← C ← D through the Store API. */
    async function tree() {
      const [a, b, c, d] = await Promise.all(["Alice", "Bobby", "Carol", "Derek"].map((n) => shopper(n)))
      await Promise.all([a, b, c].map(withCode))
      expect((await bind(b, a.code)).status).toBe(200)
      expect((await bind(c, b.code!.toLowerCase())).status).toBe(200) // codes are case-insensitive
      expect((await bind(d, c.code, { source: "link" })).status).toBe(200)
      return { a, b, c, d }
    }

    it("GET /store/fission/referral: everyone is a promoter; a code and share link are created on first read", async () => {
      const a = await shopper("Alice")
      const { status, data } = await api.get("/store/fission/referral", { headers: a.headers })
      expect(status).toBe(200)
      expect(data.referral).toMatchObject({
        promoter_status: "active",
        referrer: null,
        counts: { level1: 0, level2: 0, level3: 0 },
      })
      expect(data.referral.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6,8}$/)
      expect(data.referral.link).toBe(`http://localhost:8000/?ref=${data.referral.code}`)
      const again = await api.get("/store/fission/referral", { headers: a.headers })
      expect(again.data.referral.code).toBe(data.referral.code)

      // concurrent first reads create one promoter record
      const b = await shopper("Bobby")
      const reads = await Promise.all(Array.from({ length: 5 }, () => api.get("/store/fission/referral", { headers: b.headers })))
      expect(new Set(reads.map((r) => r.data.referral.code)).size).toBe(1)
      expect(await service().listPromoters({ customer_id: b.id })).toHaveLength(1)

      // share base URL from settings
      await setSettings({ share_base_url: "https://shop.example.com/" })
      expect((await api.get("/store/fission/referral", { headers: a.headers })).data.referral.link).toBe(
        `https://shop.example.com/?ref=${data.referral.code}`
      )
      expect((await api.get("/store/fission/referral", { headers: store.storeHeaders }).catch(fail)).status).toBe(401)
    })

    it("GET /store/fission/referral/poster: a PNG whose QR encodes the share link", async () => {
      const a = await withCode(await shopper("Alice"))
      const res = await api.get("/store/fission/referral/poster", { headers: a.headers, responseType: "arraybuffer" })
      expect(res.status).toBe(200)
      expect(res.headers["content-type"]).toBe("image/png")
      const png = Buffer.from(res.data)
      expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a")
      const image = decodePng(png)
      const matrix = qrMatrix(`http://localhost:8000/?ref=${a.code}`)
      const quiet = 4 * 8
      const x0 = Math.floor((image.width - (matrix.length * 8 + 2 * quiet)) / 2) + quiet
      for (let r = 0; r < matrix.length; r++) {
        for (let c = 0; c < matrix.length; c++) expect(image.at(x0 + c * 8 + 4, quiet + r * 8 + 4) === 0).toBe(matrix[r][c])
      }
    })

    it("binds A ← B ← C ← D; team views per level with masked names; counts and summary", async () => {
      const { a, b, c, d } = await tree()
      expect(await counts(a)).toEqual({ level1: 1, level2: 1, level3: 1 })
      expect(await counts(b)).toEqual({ level1: 1, level2: 1, level3: 0 })
      const { data: me } = await api.get("/store/fission/referral", { headers: c.headers })
      expect(me.referral.referrer).toEqual({ name: "B***r", bound_at: expect.any(String) })

      const level = async (s: Shopper, l: number) => (await api.get(`/store/fission/team?level=${l}`, { headers: s.headers })).data
      const l1 = await level(a, 1)
      expect(l1).toMatchObject({ count: 1, level: 1, offset: 0, limit: 20 })
      expect(l1.members).toEqual([{ name: "B***r", email: "b***r@fission.test", level: 1, joined_at: expect.any(String), team_size: 1 }])
      expect((await level(a, 2)).members.map((m: any) => m.name)).toEqual(["C***r"])
      expect((await level(a, 3)).members.map((m: any) => m.name)).toEqual(["D***r"])
      expect((await level(d, 1)).count).toBe(0)

      // nothing identifying leaks: no customer ids, no full e-mails or names of others
      const everything = JSON.stringify([l1, await level(a, 2), await level(a, 3), me])
      for (const other of [b, c, d]) {
        expect(everything).not.toContain(other.id)
        expect(everything).not.toContain(other.email)
      }
      expect(everything).not.toMatch(/Bobby|Carol|Derek/)

      // team sales this month: depth ≤ 2 paid orders, net of refunds
      await service().createCommissionOrders([
        { order_id: "order_t1", buyer_id: b.id, currency_code: "cny", base_total: 899, status: "paid", paid_at: new Date() },
        { order_id: "order_t2", buyer_id: c.id, currency_code: "cny", base_total: 99, refunded_total: 9, status: "delivered", paid_at: new Date() },
        { order_id: "order_t3", buyer_id: d.id, currency_code: "cny", base_total: 500, status: "paid", paid_at: new Date() },
        { order_id: "order_t4", buyer_id: b.id, currency_code: "cny", base_total: 100, status: "placed" },
      ] as any)
      const { data } = await api.get("/store/fission/team/summary", { headers: a.headers })
      expect(data.summary).toMatchObject({
        counts: { level1: 1, level2: 1, level3: 1 },
        total: 3,
        sales_this_month: [{ currency_code: "cny", amount: 989, orders: 2 }],
      })

      // the commission lifecycle's internal API: ancestors via pointers
      const upline = await service().listReferralUpline(d.id, 2)
      expect(upline.map((u) => [u.customer_id, Number(u.depth)])).toEqual([[c.id, 1], [b.id, 2]])
      const [event] = await service().listReferralEvents({ customer_id: d.id })
      expect(event).toMatchObject({ action: "bind", source: "link", referrer_id: c.id })
    })

    it("refuses self-referral (400), cycles (400), unknown codes (404) and a second binding (422, saying why)", async () => {
      const { a, b, c } = await tree()
      const self = await bind(a, a.code)
      expect(self.status).toBe(400)
      expect(self.data.message).toMatch(/self-referral/)
      const cycle = await bind(a, c.code)
      expect(cycle.status).toBe(400)
      expect(cycle.data.message).toMatch(/cycle/)
      const unknown = await bind(a, "ZZZZZZZ")
      expect(unknown.status).toBe(404)
      expect(unknown.data.message).toContain("ZZZZZZZ")
      const malformed = await bind(a, "O0I1L!")
      expect(malformed.status).toBe(400)
      expect(malformed.data.message).toMatch(/^code/)
      const again = await bind(b, c.code)
      expect(again.status).toBe(422)
      expect(again.data).toMatchObject({ type: "duplicate_error", message: expect.stringMatching(/already bound to a referrer/) })
      expect(await counts(a)).toEqual({ level1: 1, level2: 1, level3: 1 })
    })

    it("20 parallel binds of one customer: exactly one 200, nineteen 422, counters right", async () => {
      const [x, p1, p2] = await Promise.all([shopper("Xavier"), shopper("Penny"), shopper("Peter")])
      await Promise.all([p1, p2].map(withCode))
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => bind(x, i % 2 ? p1.code : p2.code)))
      expect(results.filter((r) => r.status === 200)).toHaveLength(1)
      expect(results.filter((r) => r.status === 422 && /already bound to a referrer/.test(r.data.message))).toHaveLength(19)
      const [c1, c2] = [await counts(p1), await counts(p2)]
      expect(c1.level1 + c2.level1).toBe(1)
      expect(await service().listReferrals({ customer_id: x.id })).toHaveLength(1)
      expect(await service().listReferralAncestors({ descendant_id: x.id })).toHaveLength(1)
    })

    it("apply mode: non-promoters cannot refer; apply → admin approves → the code works; reject needs a reason", async () => {
      expect((await setSettings({ promoter_mode: "apply" })).status).toBe(200)
      const [p, q, r] = await Promise.all([shopper("Paula"), shopper("Quinn"), shopper("Rosa")])

      let view = (await api.get("/store/fission/referral", { headers: p.headers })).data.referral
      expect(view).toMatchObject({ code: null, link: null, promoter_status: "none" })
      const poster = await api.get("/store/fission/referral/poster", { headers: p.headers }).catch(fail)
      expect(poster.status).toBe(400)

      const applied = await api.post("/store/fission/promoter/apply", { real_name: "Paula T", phone: "13800000001" }, { headers: p.headers })
      expect(applied.data.promoter).toMatchObject({ status: "applied", real_name: "Paula T" })
      const twice = await api.post("/store/fission/promoter/apply", {}, { headers: p.headers }).catch(fail)
      expect(twice).toMatchObject({ status: 422, data: { type: "duplicate_error", message: "an application is already pending review" } })
      view = (await api.get("/store/fission/referral", { headers: p.headers })).data.referral
      expect(view).toMatchObject({ code: null, promoter_status: "applied" })

      // the reserved code does not bind before approval
      const [record] = await service().listPromoters({ customer_id: p.id })
      const early = await bind(q, record.code)
      expect(early.status).toBe(400)
      expect(early.data.message).toMatch(/not an active promoter/)

      const { data: list } = await api.get("/admin/fission/promoters?status=applied", admin())
      expect(list.promoters.map((x: any) => x.customer.email)).toEqual([p.email])
      expect((await api.get(`/admin/fission/promoters?q=paula`, admin())).data.count).toBe(1)
      expect((await api.get(`/admin/fission/promoters?q=${record.code.toLowerCase()}`, admin())).data.count).toBe(1)

      const approved = await api.post(`/admin/fission/promoters/${record.id}/approve`, {}, admin())
      expect(approved.data.promoter).toMatchObject({ status: "active", reviewed_by: expect.stringMatching(/^user_/) })
      expect((await bind(q, record.code)).status).toBe(200)
      expect((await api.get("/store/fission/referral", { headers: p.headers })).data.referral.code).toBe(record.code)

      await api.post("/store/fission/promoter/apply", { note: "please" }, { headers: r.headers })
      const [rRecord] = await service().listPromoters({ customer_id: r.id })
      const noReason = await api.post(`/admin/fission/promoters/${rRecord.id}/reject`, {}, admin()).catch(fail)
      expect(noReason.status).toBe(400)
      expect(noReason.data.message).toMatch(/reason/)
      const rejected = await api.post(`/admin/fission/promoters/${rRecord.id}/reject`, { reason: "incomplete profile" }, admin())
      expect(rejected.data.promoter).toMatchObject({ status: "rejected", review_reason: "incomplete profile" })
      const rejectAgain = await api.post(`/admin/fission/promoters/${rRecord.id}/reject`, { reason: "x" }, admin()).catch(fail)
      expect(rejectAgain).toMatchObject({ status: 400, data: { type: "not_allowed", message: expect.stringMatching(/rejected/) } })

      // disable stops referring; enable restores
      await api.post(`/admin/fission/promoters/${record.id}/disable`, { reason: "abuse" }, admin())
      const s = await shopper("Sammy")
      const disabled = await bind(s, record.code)
      expect(disabled.status).toBe(400)
      expect(disabled.data.message).toMatch(/disabled/)
      await api.post(`/admin/fission/promoters/${record.id}/enable`, {}, admin())
      expect((await bind(s, record.code)).status).toBe(200)
    })

    it("admin tree browser shows upline and downline with counts; rebind with a reason moves counters", async () => {
      const { a, b, c, d } = await tree()
      const x = await shopper("Xena")
      const { data } = await api.get(`/admin/fission/referrals/${c.id}/tree?depth=3`, admin())
      expect(data.tree.customer.id).toBe(c.id)
      expect(data.tree.upline.map((u: any) => [u.depth, u.customer.id])).toEqual([[1, b.id], [2, a.id]])
      expect(data.tree.counts).toEqual({ level1: 1, level2: 0, level3: 0 })
      expect(data.tree.downline.map((l: any) => [l.level, l.count])).toEqual([[1, 1], [2, 0], [3, 0]])
      expect(data.tree.downline[0].members[0].customer).toMatchObject({ id: d.id, email: d.email })
      expect(data.tree.referral).toMatchObject({ referrer_id: b.id, source: "code" })

      const noReason = await api.post(`/admin/fission/referrals/${c.id}/rebind`, { referrer_id: x.id }, admin()).catch(fail)
      expect(noReason.status).toBe(400)
      const cycle = await api.post(`/admin/fission/referrals/${b.id}/rebind`, { referrer_id: d.id, reason: "x" }, admin()).catch(fail)
      expect(cycle.status).toBe(400)
      expect(await counts(a)).toEqual({ level1: 1, level2: 1, level3: 1 })

      const moved = await api.post(`/admin/fission/referrals/${c.id}/rebind`, { referrer_id: x.id, reason: "support ticket 42" }, admin())
      expect(moved.data).toMatchObject({ referral: { referrer_id: x.id, source: "admin" }, previous_referrer_id: b.id })
      expect(await counts(a)).toEqual({ level1: 1, level2: 0, level3: 0 })
      expect(await counts(b)).toEqual({ level1: 0, level2: 0, level3: 0 })
      expect(await counts(x)).toEqual({ level1: 1, level2: 1, level3: 0 })
      const after = (await api.get(`/admin/fission/referrals/${c.id}/tree?depth=1`, admin())).data.tree
      expect(after.events[0]).toMatchObject({ action: "rebind", reason: "support ticket 42", previous_referrer_id: b.id, actor_id: expect.stringMatching(/^user_/) })

      const unbound = await api.post(`/admin/fission/referrals/${c.id}/rebind`, { referrer_id: null, reason: "left the program" }, admin())
      expect(unbound.data.referral).toBeNull()
      expect(await counts(x)).toEqual({ level1: 0, level2: 0, level3: 0 })
      expect((await api.get(`/admin/fission/referrals/cus_missing/tree`, admin()).catch(fail)).status).toBe(404)
    })

    it("a customer sees only their own team; nothing to select another's", async () => {
      const { a, b } = await tree()
      const other = await api.get(`/store/fission/team?level=1&customer_id=${a.id}`, { headers: b.headers }).catch(fail)
      expect(other.status).toBe(400)
      const own = (await api.get("/store/fission/team?level=1", { headers: b.headers })).data
      expect(own.members.map((m: any) => m.name)).toEqual(["C***r"])
      expect((await api.get("/store/fission/team", { headers: store.storeHeaders }).catch(fail)).status).toBe(401)
      expect((await api.get("/store/fission/team/summary", { headers: store.storeHeaders }).catch(fail)).status).toBe(401)
    })

    it("leaderboard (public): top promoters by new referrals or by team sales, masked", async () => {
      const { a, b, c, d } = await tree()
      const e = await shopper("Elena")
      await bind(e, a.code)
      const byReferrals = await api.get("/store/fission/leaderboard?period=month&by=referrals", { headers: store.storeHeaders })
      expect(byReferrals.data.leaderboard.entries).toEqual([
        { position: 1, name: "A***r", value: 2 },
        { position: 2, name: "B***r", value: 1 },
        { position: 3, name: "C***r", value: 1 },
      ])
      await service().createCommissionOrders([
        { order_id: "order_l1", buyer_id: c.id, currency_code: "cny", base_total: 899, status: "paid", paid_at: new Date() },
        { order_id: "order_l2", buyer_id: d.id, currency_code: "cny", base_total: 100.5, status: "paid", paid_at: new Date() },
        { order_id: "order_l3", buyer_id: d.id, currency_code: "cny", base_total: 70, status: "canceled", paid_at: new Date() },
      ] as any)
      const bySales = await api.get("/store/fission/leaderboard?by=sales", { headers: store.storeHeaders })
      expect(bySales.data.leaderboard).toMatchObject({ by: "sales", period: "month", currency_code: "cny" })
      expect(bySales.data.leaderboard.entries).toEqual([
        { position: 1, name: "B***r", value: 999.5 }, // C (level 1) + D (level 2)
        { position: 2, name: "A***r", value: 899 }, // D is level 3 for A: no team sales
        { position: 3, name: "C***r", value: 100.5 },
      ])
      expect(JSON.stringify(bySales.data)).not.toContain(b.id)
    })

    it("sign-up with metadata.referral_code binds through the customer.created subscriber", async () => {
      const a = await withCode(await shopper("Alice"))
      const email = "newbie@fission.test"
      const { data: reg } = await api.post("/auth/customer/emailpass/register", { email, password: PASSWORD })
      const headers = { authorization: `Bearer ${reg.token}`, ...store.storeHeaders }
      const { data } = await api.post("/store/customers", { email, first_name: "Newbie", metadata: { referral_code: a.code!.toLowerCase() } }, { headers })
      const referrals = await waitFor(
        () => service().listReferrals({ customer_id: data.customer.id }),
        (rows) => rows.length > 0
      )
      expect(referrals).toEqual([expect.objectContaining({ referrer_id: a.id, source: "code", code: a.code })])
      const [event] = await service().listReferralEvents({ customer_id: data.customer.id })
      expect(event.source).toBe("register")
    })

    it("bind modes: on_first_order binds only through the order path; anytime_until_first_order closes at the first order", async () => {
      const a = await withCode(await shopper("Alice"))
      const [b, c] = await Promise.all([shopper("Bobby"), shopper("Carol")])
      expect((await setSettings({ bind_mode: "on_first_order" })).status).toBe(200)
      const viaStore = await bind(b, a.code)
      expect(viaStore.status).toBe(400)
      expect(viaStore.data.message).toMatch(/on_first_order/)
      const firstOrder = (input: Record<string, unknown>) => runWorkflow(getContainer(), "fission-bind-on-first-order", input) as Promise<any>
      const result = await firstOrder({ customer_id: b.id, code: a.code!, order_id: "order_first" })
      expect(result.referral).toMatchObject({ referrer_id: a.id, source: "order" })
      const replay = await firstOrder({ customer_id: b.id, code: a.code!, order_id: "order_first" })
      expect(replay).toMatchObject({ referral: null, skipped_reason: expect.stringMatching(/already bound/) })

      await setSettings({ bind_mode: "anytime_until_first_order" })
      await placeOrder(api, c.headers, store.fixture, [{ variant_id: store.fixture.products["tea-gift-box"].variant_id, quantity: 1 }])
      const late = await bind(c, a.code)
      expect(late.status).toBe(400)
      expect(late.data.message).toMatch(/first order/)
      const lateOrder = await firstOrder({ customer_id: c.id, code: a.code!, order_id: "order_second" })
      expect(lateOrder).toMatchObject({ referral: null, skipped_reason: expect.stringMatching(/first order/) })
      expect(await counts(a)).toEqual({ level1: 1, level2: 0, level3: 0 })
    })

    it("auto_after_spend: a customer becomes a promoter at a lifetime paid spend of 899", async () => {
      await setSettings({ promoter_mode: "auto_after_spend" })
      const [p, q] = await Promise.all([shopper("Paula"), shopper("Quinn")])
      const evaluate = (input: Record<string, unknown>) => runWorkflow(getContainer(), "fission-evaluate-auto-promoter", input) as Promise<any>
      const below = await evaluate({ customer_id: p.id, lifetime_paid_spend: "898.99" })
      expect(below).toEqual({ promoter: null, promoted: false })
      expect((await api.get("/store/fission/referral", { headers: p.headers })).data.referral.code).toBeNull()
      const at = await evaluate({ customer_id: p.id, lifetime_paid_spend: 899 })
      expect(at).toMatchObject({ promoted: true, promoter: { status: "active", source: "auto_spend" } })
      const code = (await api.get("/store/fission/referral", { headers: p.headers })).data.referral.code
      expect(code).toBe(at.promoter.code)
      expect((await bind(q, code)).status).toBe(200)
      const apply = await api.post("/store/fission/promoter/apply", {}, { headers: q.headers }).catch(fail)
      expect(apply.status).toBe(400)
      expect(apply.data.message).toMatch(/automatically/)
    })

    it("admin settings: validated on save, the 2-level legal cap explained", async () => {
      const { data } = await api.get("/admin/fission/distribution/settings", admin())
      expect(data.settings).toMatchObject({ bind_mode: "anytime_until_first_order", promoter_mode: "everyone_is_promoter", commission_depth: 2, pass_up_count: 0 })
      expect(data.limits).toEqual({ max_commission_depth: 2 })
      const three = await setSettings({ commission_depth: 3 })
      expect(three.status).toBe(400)
      expect(three.data.message).toMatch(/^commission_depth/)
      expect(three.data.message).toMatch(/pyramid/)
      await api.post("/admin/fission/compliance", { max_commission_levels: 1 }, admin())
      const two = await setSettings({ commission_depth: 2 })
      expect(two.status).toBe(400)
      expect(two.data.message).toMatch(/max_commission_levels is 1/)
      const ok = await setSettings({ commission_depth: 1, level1_rate: "0.12", pass_up_count: 2, binding_expiry_days: 90 })
      expect(ok.data.settings).toMatchObject({ commission_depth: 1, level1_rate: 0.12, pass_up_count: 2, binding_expiry_days: 90 })
    })

    it("ranks CRUD with validated conditions; promoter rank override", async () => {
      const created = await api.post(
        "/admin/fission/ranks",
        { name: "Boss", position: 2, is_leader: true, conditions: { team_counts: [3, 9, 27], personal_spend: 899 }, level1_rate: 0.15, team_reward_amount: 350 },
        admin()
      )
      const rank = created.data.rank
      expect(rank).toMatchObject({ name: "Boss", conditions: { team_counts: [3, 9, 27] }, team_reward_amount: 350 })
      const member = (await api.post("/admin/fission/ranks", { name: "Member", is_default: true }, admin())).data.rank
      const updated = await api.post(`/admin/fission/ranks/${rank.id}`, { is_default: true }, admin())
      expect(updated.data.rank.is_default).toBe(true)
      expect((await api.get(`/admin/fission/ranks/${member.id}`, admin())).data.rank.is_default).toBe(false)
      expect((await api.get("/admin/fission/ranks", admin())).data).toMatchObject({ count: 2 })

      const a = await withCode(await shopper("Alice"))
      const [promoter] = await service().listPromoters({ customer_id: a.id })
      const set = await api.post(`/admin/fission/promoters/${promoter.id}/rank`, { rank_id: member.id }, admin())
      expect(set.data.promoter).toMatchObject({ rank_id: member.id, rank_overridden: true })
      expect((await api.get("/store/fission/referral", { headers: a.headers })).data.referral.rank).toMatchObject({ name: "Member" })
      const held = await api.delete(`/admin/fission/ranks/${member.id}`, admin()).catch(fail)
      expect(held).toMatchObject({ status: 400, data: { type: "not_allowed", message: expect.stringMatching(/is held by 1 promoter\(s\)/) } })
      await api.post(`/admin/fission/promoters/${promoter.id}/rank`, { rank_id: null }, admin())
      expect((await api.delete(`/admin/fission/ranks/${member.id}`, admin())).data).toEqual({ id: member.id, object: "distribution_rank", deleted: true })
      expect((await api.get(`/admin/fission/promoters/${promoter.id}`, admin())).data.promoter).toMatchObject({ rank_id: null, rank_overridden: false })
    })

    it("bad input gets a 4xx naming the problem and changes nothing", async () => {
      const { a, b } = await tree()
      const settingsBefore = (await api.get("/admin/fission/distribution/settings", admin())).data.settings
      const [promoter] = await service().listPromoters({ customer_id: a.id })
      const cases: [string, () => Promise<any>, number, RegExp?][] = [
        ["bind without code", () => api.post("/store/fission/referral/bind", {}, { headers: b.headers }), 400, /code/],
        ["bind with a number", () => api.post("/store/fission/referral/bind", { code: 123456 }, { headers: b.headers }), 400, /code/],
        ["bind with an unknown field", () => api.post("/store/fission/referral/bind", { code: a.code, referrer_id: a.id }, { headers: b.headers }), 400],
        ["bind with a bad source", () => api.post("/store/fission/referral/bind", { code: a.code, source: "sms" }, { headers: b.headers }), 400, /source/],
        ["bind without login", () => api.post("/store/fission/referral/bind", { code: a.code }, { headers: store.storeHeaders }), 401],
        ["apply with a bad phone", () => api.post("/store/fission/promoter/apply", { phone: "call me" }, { headers: b.headers }), 400, /phone/],
        ["team level 4", () => api.get("/store/fission/team?level=4", { headers: b.headers }), 400, /level/],
        ["team level 0", () => api.get("/store/fission/team?level=0", { headers: b.headers }), 400, /level/],
        ["team limit 1000", () => api.get("/store/fission/team?limit=1000", { headers: b.headers }), 400, /limit/],
        ["team offset -1", () => api.get("/store/fission/team?offset=-1", { headers: b.headers }), 400, /offset/],
        ["leaderboard by foo", () => api.get("/store/fission/leaderboard?by=foo", { headers: store.storeHeaders }), 400, /by/],
        ["leaderboard period year", () => api.get("/store/fission/leaderboard?period=year", { headers: store.storeHeaders }), 400, /period/],
        ["leaderboard without key", () => api.get("/store/fission/leaderboard"), 400],
        ["settings depth 3", () => api.post("/admin/fission/distribution/settings", { commission_depth: 3 }, admin()), 400, /commission_depth/],
        ["settings depth 0", () => api.post("/admin/fission/distribution/settings", { commission_depth: 0 }, admin()), 400, /commission_depth/],
        ["settings rate 2", () => api.post("/admin/fission/distribution/settings", { level1_rate: 2 }, admin()), 400, /level1_rate/],
        ["settings rate text", () => api.post("/admin/fission/distribution/settings", { level2_rate: "ten" }, admin()), 400, /level2_rate/],
        ["settings pass_up -1", () => api.post("/admin/fission/distribution/settings", { pass_up_count: -1 }, admin()), 400, /pass_up_count/],
        ["settings bad mode", () => api.post("/admin/fission/distribution/settings", { bind_mode: "whenever" }, admin()), 400, /bind_mode/],
        ["settings unknown field", () => api.post("/admin/fission/distribution/settings", { promoter_fee: 10 }, admin()), 400],
        ["settings expiry 0 days", () => api.post("/admin/fission/distribution/settings", { binding_expiry_days: 0 }, admin()), 400, /binding_expiry_days/],
        ["settings url", () => api.post("/admin/fission/distribution/settings", { share_base_url: "javascript:alert(1)" }, admin()), 400, /share_base_url/],
        ["rank 4-level team", () => api.post("/admin/fission/ranks", { name: "X", conditions: { team_counts: [3, 9, 27, 81] } }, admin()), 400, /team_counts/],
        ["rank without name", () => api.post("/admin/fission/ranks", { position: 1 }, admin()), 400, /name/],
        ["rank unknown condition", () => api.post("/admin/fission/ranks", { name: "X", conditions: { fee: 100 } }, admin()), 400],
        ["rank rate 1.5", () => api.post("/admin/fission/ranks", { name: "X", level1_rate: 1.5 }, admin()), 400, /level1_rate/],
        ["unknown rank", () => api.get("/admin/fission/ranks/rank_missing", admin()), 404],
        ["promoter list bad status", () => api.get("/admin/fission/promoters?status=boss", admin()), 400, /status/],
        ["approve an active promoter", () => api.post(`/admin/fission/promoters/${promoter.id}/approve`, {}, admin()), 400, /active/],
        ["unknown promoter", () => api.post(`/admin/fission/promoters/prom_missing/disable`, {}, admin()), 404],
        ["rank override to an unknown rank", () => api.post(`/admin/fission/promoters/${promoter.id}/rank`, { rank_id: "rank_missing" }, admin()), 404],
        ["tree depth 4", () => api.get(`/admin/fission/referrals/${a.id}/tree?depth=4`, admin()), 400, /depth/],
        ["rebind without reason", () => api.post(`/admin/fission/referrals/${b.id}/rebind`, { referrer_id: null }, admin()), 400, /reason/],
        ["rebind to self", () => api.post(`/admin/fission/referrals/${b.id}/rebind`, { referrer_id: b.id, reason: "x" }, admin()), 400, /self-referral/],
        ["rebind to an unknown customer", () => api.post(`/admin/fission/referrals/${b.id}/rebind`, { referrer_id: "cus_missing", reason: "x" }, admin()), 404],
        ["admin route without admin", () => api.get("/admin/fission/promoters"), 401],
      ]
      for (const [name, call, status, message] of cases) {
        const res = await call().catch(fail)
        expect([name, res.status]).toEqual([name, status])
        if (message) expect([name, res.data.message]).toEqual([name, expect.stringMatching(message)])
      }
      expect((await api.get("/admin/fission/distribution/settings", admin())).data.settings).toEqual(settingsBefore)
      expect(await counts(a)).toEqual({ level1: 1, level2: 1, level3: 1 })
      expect((await service().listReferrals({ customer_id: b.id }))[0].referrer_id).toBe(a.id)
      expect(await service().listDistributionRanks({})).toHaveLength(0)
      expect(await service().listPromoters({ customer_id: b.id })).toEqual([expect.objectContaining({ status: "active", phone: null })])
    })
  },
})
