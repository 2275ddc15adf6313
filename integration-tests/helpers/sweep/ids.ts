import { UNKNOWN_ID } from "./inputs"
import { SweptRoute } from "./routes"

type Get = (url: string, scope: "store" | "admin") => Promise<any>

/** The first `id` of the first array in a list response, e.g. `{ levels: [{ id }] }`. */
const firstId = (body: any): string | undefined => {
  for (const value of Object.values(body ?? {})) if (Array.isArray(value) && value[0]?.id) return value[0].id
  return undefined
}

/**
 * Real values for a route's path parameters: `fixed` ones by name or list path (the
 * shopper's customer id, a cart), else the first row of the list route above the
 * parameter (`/admin/fission/ranks` for `/admin/fission/ranks/:id`, the store one
 * first, then the admin one), else an unknown id. New routes get real ids without
 * being listed here as long as a list route sits above them.
 */
export function idResolver(get: Get, fixed: Record<string, string>) {
  const cache = new Map<string, string>()
  const lookup = async (prefix: string, scope: "store" | "admin"): Promise<string> => {
    const key = `${scope} ${prefix}`
    if (!cache.has(key)) {
      let id = fixed[prefix]
      const lists = scope === "store" ? [[prefix, "store"], [prefix.replace(/^\/store\//, "/admin/"), "admin"]] : [[prefix, "admin"]]
      for (const [url, s] of lists) {
        if (id) break
        const res = await get(url, s as "store" | "admin")
        if (res.status === 200) id = firstId(res.data)
      }
      cache.set(key, id ?? UNKNOWN_ID)
    }
    return cache.get(key)!
  }
  return async (route: SweptRoute): Promise<Record<string, string>> => {
    const ids: Record<string, string> = {}
    const done: string[] = []
    for (const segment of route.path.split("/").slice(1)) {
      if (segment.startsWith(":")) {
        const name = segment.slice(1)
        ids[name] = fixed[name] ?? (await lookup("/" + done.join("/"), route.scope))
        done.push(ids[name])
      } else done.push(segment)
    }
    return ids
  }
}
