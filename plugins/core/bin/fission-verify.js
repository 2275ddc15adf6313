#!/usr/bin/env node
/**
 * fission-verify — recompute and check a Fission provably-fair draw.
 *
 *   fission-verify <url | path-to-json | inline-json | -> [--key <publishable-api-key>] [--digest <hex>] [--json]
 *
 * The input is a draw record ({ version, kind, commitment, chain?, seed, inputs, outcome })
 * or an API response wrapping it ({ draw: record }). URLs are fetched with the
 * `x-publishable-api-key` header from --key or $FISSION_PUBLISHABLE_KEY; `-` reads stdin.
 * --digest is the digest a participant was told with their result: the record must carry it.
 *
 * Exit codes: 0 valid, 1 invalid, 2 usage / IO error.
 */
"use strict"

const fs = require("fs")
const path = require("path")

const LIB_PATH = path.join(__dirname, "..", ".medusa", "server", "src", "utils", "fair-draw", "index.js")

const USAGE = `Usage: fission-verify <url | path-to-json | inline-json | -> [--key <publishable-api-key>] [--digest <hex>] [--json]

Recomputes a Fission provably-fair draw from its revealed seed and public inputs
and checks it against the published commitment (and seed chain), the digest of
its inputs and the outcome.

  <url>          public draw endpoint, e.g. https://shop.example/store/fission/draws/draw_123
  <path>         a JSON file with the draw record (or { "draw": record })
  <inline-json>  the record itself, e.g. '{"version":"fission-draw/v2",...}'
  -              read the JSON from stdin
  --key <key>    publishable API key for store routes (default: $FISSION_PUBLISHABLE_KEY)
  --digest <hex> the digest you were told with your result (notification, group page):
                 the record must carry exactly this one
  --json         print a machine-readable result instead of the report

Exit codes: 0 = VALID, 1 = INVALID, 2 = usage or I/O error.`

class UsageError extends Error {}

function parseArgs(argv) {
  const opts = { source: null, key: process.env.FISSION_PUBLISHABLE_KEY || null, digest: null, json: false, help: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === "--help" || arg === "-h") {
      opts.help = true
    } else if (arg === "--json") {
      opts.json = true
    } else if (arg === "--key") {
      if (i + 1 >= argv.length) throw new UsageError("--key needs a value")
      opts.key = argv[++i]
    } else if (arg.startsWith("--key=")) {
      opts.key = arg.slice("--key=".length)
    } else if (arg === "--digest") {
      if (i + 1 >= argv.length) throw new UsageError("--digest needs a value")
      opts.digest = argv[++i]
    } else if (arg.startsWith("--digest=")) {
      opts.digest = arg.slice("--digest=".length)
    } else if (arg.startsWith("--") && arg !== "-") {
      throw new UsageError(`unknown option ${arg}`)
    } else if (opts.source === null) {
      opts.source = arg
    } else {
      throw new UsageError(`unexpected argument ${arg}`)
    }
  }
  if (opts.digest !== null && !/^[0-9a-f]{64}$/i.test(opts.digest)) {
    throw new UsageError(`--digest must be 64 hex characters, got ${JSON.stringify(opts.digest)}`)
  }
  return opts
}

function loadLibrary() {
  if (!fs.existsSync(LIB_PATH)) {
    throw new UsageError(
      `compiled fair-draw library not found at ${LIB_PATH}\nrun \`npm run build:plugins\` first`
    )
  }
  return require(LIB_PATH)
}

function readStdin() {
  return new Promise((resolve, reject) => {
    let data = ""
    process.stdin.setEncoding("utf8")
    process.stdin.on("data", (chunk) => (data += chunk))
    process.stdin.on("end", () => resolve(data))
    process.stdin.on("error", reject)
  })
}

async function fetchText(url, key) {
  if (typeof fetch !== "function") throw new UsageError("global fetch is not available (Node >= 18 required)")
  const headers = { accept: "application/json" }
  if (key) headers["x-publishable-api-key"] = key
  let res
  try {
    res = await fetch(url, { headers, signal: AbortSignal.timeout(20000) })
  } catch (e) {
    const cause = e && e.cause && (e.cause.code || e.cause.message)
    throw new UsageError(`could not fetch ${url}: ${e && e.message ? e.message : e}${cause ? ` (${cause})` : ""}`)
  }
  const body = await res.text()
  if (!res.ok) {
    const hint = !key && (res.status === 400 || res.status === 401) ? " (a publishable key may be required: --key or $FISSION_PUBLISHABLE_KEY)" : ""
    throw new UsageError(`GET ${url} failed: HTTP ${res.status}${hint}\n${body.slice(0, 500)}`)
  }
  return body
}

async function loadInput(source, key) {
  let text
  let origin
  if (/^https?:\/\//i.test(source)) {
    text = await fetchText(source, key)
    origin = source
  } else if (source === "-") {
    text = await readStdin()
    origin = "stdin"
  } else if (/^\s*[{[]/.test(source)) {
    text = source
    origin = "inline JSON"
  } else {
    try {
      text = fs.readFileSync(source, "utf8")
    } catch (e) {
      throw new UsageError(`cannot read ${source}: ${e.message}`)
    }
    origin = source
  }
  let parsed
  try {
    parsed = JSON.parse(text)
  } catch (e) {
    throw new UsageError(`${origin} is not valid JSON: ${e.message}`)
  }
  const record =
    parsed && typeof parsed === "object" && !Array.isArray(parsed) && parsed.draw && typeof parsed.draw === "object"
      ? parsed.draw
      : parsed
  return { record, origin }
}

function short(value, max = 200) {
  const s = typeof value === "string" ? value : JSON.stringify(value)
  if (s === undefined) return String(value)
  return s.length > max ? s.slice(0, max - 3) + "..." : s
}

function report(lib, record, result, origin, expectedDigest) {
  const r = record && typeof record === "object" ? record : {}
  const inputs = r.inputs && typeof r.inputs === "object" ? r.inputs : {}
  const participants = Array.isArray(inputs.participants) ? inputs.participants : []
  const withSeeds = participants.filter((p) => p && typeof p.client_seed === "string" && p.client_seed !== "").length
  const seedLine =
    typeof r.seed === "string" && r.seed
      ? `${r.seed}  (sha256 = ${lib.commitmentOf(r.seed)})`
      : "(not revealed)"
  const chain = r.chain && typeof r.chain === "object" ? r.chain : null
  const recordedDigest = r.outcome && typeof r.outcome === "object" ? r.outcome.digest : undefined
  const lines = [
    `Fission provably-fair draw — ${origin}`,
    `  draw:          ${r.id || "(no id)"}${r.drawn_at ? `  drawn at ${r.drawn_at}` : ""}`,
    `  version/kind:  ${r.version} / ${r.kind}`,
    `  commitment:    ${r.commitment}`,
    ...(chain ? [`  chain:         head ${chain.head}, round ${inputs.round} of ${chain.length}`] : []),
    `  seed:          ${seedLine}`,
    `  campaign:      ${inputs.campaign_id}  round ${inputs.round}`,
    `  participants:  ${participants.length}${participants.length ? ` (${withSeeds} with client seeds)` : ""}` +
      (participants.length ? `: ${short(participants.map((p) => p && p.id).join(", "), 120)}` : ""),
    `  params:        ${short(inputs.params)}`,
    `  digest:        ${result.digest ? `${result.digest} (sha256 of the inputs)` : "(none: fission-draw/v1)"}` +
      (recordedDigest && recordedDigest !== result.digest ? `, recorded ${recordedDigest}` : ""),
    ...(expectedDigest ? [`  you were told: ${expectedDigest}`] : []),
    `  recorded:      ${r.outcome == null ? "(none)" : short(r.outcome, 500)}`,
    `  recomputed:    ${result.recomputed == null ? "(not computable)" : short(result.recomputed, 500)}`,
  ]
  lines.push(result.valid ? "VALID" : `INVALID: ${result.errors.join("; ")}`)
  return lines.join("\n")
}

async function main(argv) {
  let opts
  try {
    opts = parseArgs(argv)
  } catch (e) {
    process.stderr.write(`fission-verify: ${e.message}\n\n${USAGE}\n`)
    return 2
  }
  if (opts.help) {
    process.stdout.write(USAGE + "\n")
    return 0
  }
  if (!opts.source) {
    process.stderr.write(USAGE + "\n")
    return 2
  }
  try {
    const lib = loadLibrary()
    const { record, origin } = await loadInput(opts.source, opts.key)
    const result = lib.verifyDraw(record, { expected_digest: opts.digest })
    if (opts.json) {
      process.stdout.write(
        JSON.stringify(
          {
            valid: result.valid,
            errors: result.errors,
            id: record && record.id !== undefined ? record.id : null,
            kind: record ? record.kind : null,
            commitment: record ? record.commitment : null,
            seed: record ? record.seed : null,
            recorded: record ? record.outcome : null,
            recomputed: result.recomputed,
            digest: result.digest,
            expected_digest: opts.digest,
            canonical_message: result.canonical_message,
          },
          null,
          2
        ) + "\n"
      )
    } else {
      process.stdout.write(report(lib, record, result, origin, opts.digest) + "\n")
    }
    return result.valid ? 0 : 1
  } catch (e) {
    const message = e instanceof UsageError ? e.message : e && e.stack ? e.stack : String(e)
    if (opts.json) {
      process.stdout.write(JSON.stringify({ valid: false, errors: [message], error: true }, null, 2) + "\n")
    } else {
      process.stderr.write(`fission-verify: ${message}\n`)
    }
    return 2
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e) => {
    process.stderr.write(`fission-verify: ${e && e.stack ? e.stack : e}\n`)
    process.exitCode = 2
  }
)
