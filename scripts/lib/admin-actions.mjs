// One admin action per plugin done through the dashboard's UI (buttons, drawers, fields by the
// kit's `fission-field-<name>` ids, labels from the plugins' en bundles) and its effect checked
// through the Admin API. Run in the English pass of scripts/browser-smoke.mjs; what an action
// creates is named `smoke <time>` and removed through the API where the API can remove it.

/** `en("fission-core", "adjust.title")`: the English label the UI shows. */
export const enLabels = (bundles) => (ns, key) => {
  const value = bundles.find((b) => b.ns === ns)?.en[key]
  if (value === undefined) throw new Error(`no en string ${ns}:${key}`)
  return value
}

async function submitDrawer(page) {
  const dialog = page.getByRole("dialog")
  await dialog.locator('button[type="submit"]').click()
  // the kit's FormDrawer closes on success and stays open with the API's message on a 4xx
  await dialog.waitFor({ state: "detached", timeout: 15_000 }).catch(async () => {
    throw new Error(`the drawer stayed open: ${(await dialog.innerText()).slice(-300)}`)
  })
}

const fill = (page, name, value) => page.getByRole("dialog").locator(`#fission-field-${name}`).fill(String(value))

async function pick(page, name, optionText) {
  await page.getByRole("dialog").locator(`#fission-field-${name}`).click()
  const option = optionText ? page.getByRole("option", { name: optionText, exact: true }) : page.getByRole("option").first()
  await option.click()
}

async function open(page, base, route) {
  await page.goto(`${base}/app${route}`)
  await page.waitForLoadState("networkidle", { timeout: 30_000 }).catch(() => {})
}

const clickButton = (page, name) => page.getByRole("button", { name, exact: true }).first().click()

export function adminActions({ base, en }) {
  const stamp = `smoke ${new Date().toISOString().slice(0, 19)}`
  const api = async (page, method, url, data) => {
    const res = await page.request.fetch(`${base}${url}`, { method, data })
    if (!res.ok()) throw new Error(`${method} ${url} → ${res.status()} ${(await res.text()).slice(0, 200)}`)
    return res.json()
  }
  return [
    {
      name: "core: adjust a customer's points (wallet widget → Adjust balance)",
      async run(page) {
        const { customers: [alice] } = await api(page, "GET", "/admin/customers?q=alice&limit=1")
        const points = async () =>
          Number((await api(page, "GET", `/admin/fission/ledger/customers/${alice.id}/balances`)).wallet.balances.find((b) => b.asset === "points")?.available ?? 0)
        const before = await points()
        await open(page, base, `/customers/${alice.id}`)
        await clickButton(page, en("fission-core", "adjust.title"))
        await pick(page, "asset", en("fission-core", "asset.points"))
        await fill(page, "amount", 7)
        await fill(page, "reason", stamp)
        await submitDrawer(page)
        const after = await points()
        if (after !== before + 7) throw new Error(`points ${before} → ${after}, expected +7`)
        return `alice's points ${before} → ${after}`
      },
    },
    {
      name: "distribution: create a rank (Ranks → Create rank)",
      async run(page) {
        await open(page, base, "/distribution/ranks")
        await clickButton(page, en("fission-distribution", "ranks.create"))
        await fill(page, "name", stamp)
        await submitDrawer(page)
        const { ranks } = await api(page, "GET", "/admin/fission/ranks?limit=100")
        const rank = ranks.find((r) => r.name === stamp)
        if (!rank) throw new Error("the new rank is not in GET /admin/fission/ranks")
        await api(page, "DELETE", `/admin/fission/ranks/${rank.id}`)
        return `rank ${rank.id} created (then deleted through the API)`
      },
    },
    {
      name: "group-draw: create a draft campaign (Group draws → Create)",
      async run(page) {
        await open(page, base, "/group-draws")
        await clickButton(page, en("fission-group-draw", "campaigns.create"))
        await fill(page, "title", stamp)
        await pick(page, "variant_id")
        await fill(page, "price", "9.90")
        await submitDrawer(page)
        const { group_draws } = await api(page, "GET", "/admin/fission/group-draws?status=draft&limit=100")
        const campaign = group_draws.find((c) => c.title === stamp)
        if (!campaign) throw new Error("the new campaign is not in GET /admin/fission/group-draws?status=draft")
        if (Number(campaign.price) !== 9.9) throw new Error(`price ${campaign.price}, expected 9.9`)
        return `draft campaign ${campaign.id} at ${campaign.price} ${campaign.currency_code}`
      },
    },
    {
      name: "membership: create a task (Tasks → Create task)",
      async run(page) {
        await open(page, base, "/fission-member-tasks")
        await clickButton(page, en("fission-membership", "tasks.create"))
        await fill(page, "title", stamp)
        await fill(page, "reward_points", 3)
        await submitDrawer(page)
        const { tasks } = await api(page, "GET", "/admin/fission/membership/tasks?limit=100")
        const task = tasks.find((x) => x.title === stamp)
        if (!task || Number(task.reward_points) !== 3) throw new Error("the new task (3 points) is not in GET /admin/fission/membership/tasks")
        await api(page, "DELETE", `/admin/fission/membership/tasks/${task.id}`)
        return `task ${task.id} created with 3 points (then deleted through the API)`
      },
    },
    {
      name: "presale: create a draft pre-sale (Pre-sales → Create)",
      async run(page) {
        // earlier runs' drafts are canceled first, so their variants are free again
        const cancel = (c) => api(page, "POST", `/admin/fission/presales/${c.id}/cancel`, {})
        const { presales } = await api(page, "GET", "/admin/fission/presales?limit=100")
        for (const c of presales.filter((c) => c.title.startsWith("smoke ") && c.status === "draft")) await cancel(c)
        const used = new Set(presales.filter((c) => c.status !== "canceled" && !c.title.startsWith("smoke ")).map((c) => c.variant_id))
        const { products } = await api(page, "GET", "/admin/products?limit=50&fields=id,variants.id")
        const variant = products.flatMap((p) => p.variants ?? []).find((v) => !used.has(v.id))
        if (!variant) throw new Error("no product variant without a pre-sale in the demo")
        await open(page, base, "/presales")
        await clickButton(page, en("fission-presale", "list.create"))
        await fill(page, "title", stamp)
        await fill(page, "variant_id", variant.id)
        await pick(page, "status", en("fission-presale", "form.options.draft"))
        await submitDrawer(page)
        const created = (await api(page, "GET", "/admin/fission/presales?status=draft&limit=100")).presales.find((c) => c.title === stamp)
        if (!created || created.variant_id !== variant.id) throw new Error("the new pre-sale is not in GET /admin/fission/presales?status=draft")
        await cancel(created)
        return `draft pre-sale ${created.id} on ${variant.id} (then canceled through the API)`
      },
    },
    {
      name: "rebates: add an activity level (Rebates → levels → Add)",
      async run(page) {
        await open(page, base, "/fission-rebates")
        const row = page.locator("table").first().locator("tbody tr").last()
        const values = ["999", stamp, "9999999", "", "1"] // position, name, min_consumption, team_structure, dividend_points
        for (const [i, v] of values.entries()) await row.locator("input").nth(i).fill(v)
        await row.getByRole("button", { name: en("fission-rebates", "common.add"), exact: true }).click()
        let level
        for (let i = 0; i < 20 && !level; i++) {
          await page.waitForTimeout(250)
          level = (await api(page, "GET", "/admin/fission/rebates/levels")).levels.find((l) => l.name === stamp)
        }
        if (!level || Number(level.dividend_points) !== 1) throw new Error("the new level is not in GET /admin/fission/rebates/levels")
        await api(page, "DELETE", `/admin/fission/rebates/levels/${level.id}`)
        return `level ${level.id} at position ${level.position} (then deleted through the API)`
      },
    },
    {
      name: "blind-box: create a draft template (Blind boxes → Create template)",
      async run(page) {
        const { products } = await api(page, "GET", "/admin/products?limit=1&fields=id,variants.id")
        const variant = products[0]?.variants?.[0]
        if (!variant) throw new Error("no product variant in the demo")
        await open(page, base, "/blind-boxes")
        await clickButton(page, en("fission-blind-box", "templates.create"))
        await fill(page, "title", stamp)
        await fill(page, "variant_id", variant.id)
        await submitDrawer(page)
        const { blind_box_templates } = await api(page, "GET", "/admin/fission/blind-box-templates?status=draft&limit=100")
        const template = blind_box_templates.find((x) => x.title === stamp)
        if (!template || template.boxes !== 24) throw new Error("the new template (24 boxes) is not in GET /admin/fission/blind-box-templates?status=draft")
        return `draft template ${template.id} (${template.boxes} boxes)`
      },
    },
  ]
}
