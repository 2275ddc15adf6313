import { inflateSync } from "node:zlib"
import { PNG_SIGNATURE } from "./png"
import { qrMatrix, renderReferralPoster } from "./poster"

/** Decodes the 8-bit grayscale, filter-0 PNGs the poster writes. */
function decode(png: Buffer) {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
  let offset = 8
  let width = 0
  let height = 0
  const idat: Buffer[] = []
  while (offset < png.length) {
    const length = png.readUInt32BE(offset)
    const type = png.toString("ascii", offset + 4, offset + 8)
    const data = png.subarray(offset + 8, offset + 8 + length)
    if (type === "IHDR") {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      expect([data[8], data[9]]).toEqual([8, 0])
    }
    if (type === "IDAT") idat.push(data)
    offset += 12 + length
  }
  const raw = inflateSync(Buffer.concat(idat))
  return { width, height, at: (x: number, y: number) => raw[y * (width + 1) + 1 + x] }
}

describe("share poster (SPEC §2.1)", () => {
  it("is a PNG whose QR modules are exactly those of the share link", () => {
    const link = "http://localhost:8000/?ref=AB3CD9X"
    const { png, layout } = renderReferralPoster({ link, code: "AB3CD9X" })
    const image = decode(png)
    expect(image.width).toBe(layout.width)
    expect(image.height).toBe(layout.height)

    const matrix = qrMatrix(link)
    expect(layout.modules).toBe(matrix.length)
    const half = layout.module_px / 2
    for (let r = 0; r < matrix.length; r++) {
      for (let c = 0; c < matrix.length; c++) {
        const gray = image.at(layout.qr_x + c * layout.module_px + half, layout.qr_y + r * layout.module_px + half)
        expect(gray === 0).toBe(matrix[r][c])
      }
    }
    // quiet zone is white, the code text below the QR has dark pixels
    expect(image.at(1, 1)).toBe(255)
    let darkBelow = 0
    for (let y = layout.qr_y + (layout.modules + 4) * layout.module_px; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) if (image.at(x, y) === 0) darkBelow++
    }
    expect(darkBelow).toBeGreaterThan(100)
  })

  it("differs for different links", () => {
    const a = renderReferralPoster({ link: "https://s.example/?ref=AAAAAAA", code: "AAAAAAA" }).png
    const b = renderReferralPoster({ link: "https://s.example/?ref=BBBBBBB", code: "BBBBBBB" }).png
    expect(a.equals(b)).toBe(false)
  })
})
