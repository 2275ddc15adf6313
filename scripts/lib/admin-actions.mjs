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
  ]
}
