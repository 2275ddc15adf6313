import { GLYPH_HEIGHT, GLYPH_WIDTH, GLYPHS } from "./bitmap-font"
import { encodeGrayscalePng } from "./png"

// `qrcode` ships no types; only `create` (the module matrix) is used.
type QrMatrix = { modules: { size: number; get(row: number, col: number): number | boolean } }
// eslint-disable-next-line @typescript-eslint/no-var-requires
const QRCode: { create(text: string, options?: { errorCorrectionLevel?: "L" | "M" | "Q" | "H" }): QrMatrix } =
  require("qrcode")

export type PosterOptions = {
  /** Pixels per QR module. */
  module_px?: number
  /** Pixels per font dot of the code text. */
  text_px?: number
}

/** QR module matrix of `text` (error correction M), `true` = dark. */
export function qrMatrix(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" })
  return Array.from({ length: modules.size }, (_, r) =>
    Array.from({ length: modules.size }, (_, c) => !!modules.get(r, c))
  )
}

export type PosterLayout = { width: number; height: number; qr_x: number; qr_y: number; module_px: number; modules: number }

/**
 * The share poster (SPEC §2.1): a PNG with the QR code of the share link
 * (with the standard 4-module quiet zone) and the referral code printed under it.
 */
export function renderReferralPoster(
  { link, code }: { link: string; code: string },
  { module_px = 8, text_px = 6 }: PosterOptions = {}
): { png: Buffer; layout: PosterLayout } {
  const matrix = qrMatrix(link)
  const n = matrix.length
  const quiet = 4 * module_px
  const qrSize = n * module_px + 2 * quiet
  const chars = Array.from(code.toUpperCase()).filter((ch) => GLYPHS[ch])
  const textWidth = chars.length ? (chars.length * (GLYPH_WIDTH + 1) - 1) * text_px : 0
  const width = Math.max(qrSize, textWidth + 2 * quiet)
  const height = qrSize + GLYPH_HEIGHT * text_px + quiet
  const pixels = new Uint8Array(width * height).fill(255)
  const fill = (x0: number, y0: number, size: number) => {
    for (let y = y0; y < y0 + size; y++) pixels.fill(0, y * width + x0, y * width + x0 + size)
  }

  const qrX = Math.floor((width - qrSize) / 2) + quiet
  const qrY = quiet
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) if (matrix[r][c]) fill(qrX + c * module_px, qrY + r * module_px, module_px)
  }

  const textX = Math.floor((width - textWidth) / 2)
  const textY = qrSize
  chars.forEach((ch, i) => {
    const glyph = GLYPHS[ch]
    const x0 = textX + i * (GLYPH_WIDTH + 1) * text_px
    for (let gy = 0; gy < GLYPH_HEIGHT; gy++) {
      for (let gx = 0; gx < GLYPH_WIDTH; gx++) {
        if (glyph[gy][gx] === "#") fill(x0 + gx * text_px, textY + gy * text_px, text_px)
      }
    }
  })

  return {
    png: encodeGrayscalePng(width, height, pixels),
    layout: { width, height, qr_x: qrX, qr_y: qrY, module_px, modules: n },
  }
}
