import fs from "node:fs"
import path from "node:path"

// Medusa records every module's migrations by class name in one shared table
// (`mikro_orm_migrations`): a second plugin's migration with a name already recorded is
// skipped as "up to date" and its tables are never created.
const root = path.resolve(__dirname, "..", "..")

function migrations(): { name: string; file: string }[] {
  const found: { name: string; file: string }[] = []
  for (const plugin of fs.readdirSync(path.join(root, "plugins"))) {
    const modules = path.join(root, "plugins", plugin, "src", "modules")
    if (!fs.existsSync(modules)) continue
    for (const mod of fs.readdirSync(modules)) {
      const dir = path.join(modules, mod, "migrations")
      if (!fs.existsSync(dir)) continue
      for (const file of fs.readdirSync(dir).filter((f) => /^Migration.*\.ts$/.test(f))) {
        const source = fs.readFileSync(path.join(dir, file), "utf8")
        const name = source.match(/export class (\w+)/)?.[1] ?? file
        found.push({ name, file: path.relative(root, path.join(dir, file)) })
      }
    }
  }
  return found
}

describe("plugin migrations", () => {
  it("have names unique across all plugins (and the class matches its file)", () => {
    const all = migrations()
    expect(all.length).toBeGreaterThan(5)
    const byName = new Map<string, string[]>()
    for (const m of all) byName.set(m.name, [...(byName.get(m.name) ?? []), m.file])
    expect([...byName].filter(([, files]) => files.length > 1)).toEqual([])
    expect(all.filter((m) => path.basename(m.file, ".ts") !== m.name)).toEqual([])
  })
})
