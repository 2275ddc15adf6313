import { compareNewestFirst, decodeHistoryCursor, encodeHistoryCursor } from "./cursor"
import { mergeHistory } from "./merge"

const at = (iso: string, id: string) => ({ created_at: new Date(iso), id })

describe("wallet history cursor", () => {
  it("round-trips a line's key", () => {
    const key = at("2026-12-01T10:00:00.123Z", "sc_trx_01M8SXXDYCRDEE0HQJ07ZE98BJ")
    expect(decodeHistoryCursor(encodeHistoryCursor(key))).toEqual(key)
  })

  it("refuses anything it did not make", () => {
    const forged = (text: string) => Buffer.from(text).toString("base64url")
    for (const bad of [
      "",
      "lpst_01ABC", // the old cursor format: a bare posting id
      "not base64!",
      forged("x|lpst_1"),
      forged("123|cus_1"),
      forged("123|lpst_1|extra"),
      forged("99999999999999999|lpst_1"), // beyond a JS date
      forged("123|lpst_\u0000"),
      "A".repeat(201),
    ]) {
      expect([bad, decodeHistoryCursor(bad)]).toEqual([bad, null])
    }
  })
})

describe("mergeHistory", () => {
  // two sources with lines in the same millisecond: ties are broken by id, bytewise
  const ledger = [at("2026-01-02T00:00:00.500Z", "lpst_B"), at("2026-01-02T00:00:00.500Z", "lpst_A"), at("2026-01-01T00:00:00Z", "lpst_0")]
  const credit = [at("2026-01-03T00:00:00Z", "sc_trx_Z"), at("2026-01-02T00:00:00.500Z", "sc_trx_M"), at("2026-01-01T00:00:00Z", "sc_trx_1")]
  const everything = [...ledger, ...credit].sort(compareNewestFirst).map((l) => l.id)

  it("orders newest first, then by id descending", () => {
    expect(everything).toEqual(["sc_trx_Z", "sc_trx_M", "lpst_B", "lpst_A", "sc_trx_1", "lpst_0"])
  })

  it("pages both sources with one cursor: every line once, in order, whatever the page size", () => {
    // each source answers as the real ones do: its first `limit` lines after the cursor, and whether more follow
    const after = (lines: typeof ledger, cursor: string | null, limit: number) => {
      const key = cursor ? decodeHistoryCursor(cursor)! : null
      const rest = lines.filter((l) => !key || compareNewestFirst(l, key) > 0)
      return { lines: rest.slice(0, limit), more: rest.length > limit }
    }
    for (const limit of [1, 2, 3, 5, 6, 10]) {
      const seen: string[] = []
      let cursor: string | null = null
      for (let i = 0; i < 20; i++) {
        const page: { lines: { id: string }[]; next_cursor: string | null } = mergeHistory(
          [after(ledger, cursor, limit), after(credit, cursor, limit)],
          limit
        )
        expect(page.lines.length).toBeLessThanOrEqual(limit)
        seen.push(...page.lines.map((l) => l.id))
        cursor = page.next_cursor
        if (!cursor) break
      }
      expect([limit, seen]).toEqual([limit, everything])
    }
  })

  it("says more follow when a source has more, even if the merged page is exactly full", () => {
    const page = mergeHistory([{ lines: [at("2026-01-01T00:00:00Z", "lpst_1")], more: true }, { lines: [], more: false }], 1)
    expect(page.next_cursor).not.toBeNull()
    expect(mergeHistory([{ lines: [], more: false }], 5)).toEqual({ lines: [], next_cursor: null })
  })
})
