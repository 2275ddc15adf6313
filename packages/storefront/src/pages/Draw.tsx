import { useEffect, useState } from "react"
import { useParams, useSearchParams } from "react-router-dom"
import { useI18n } from "../i18n"
import { config, drawUrl, sdk } from "../sdk"
import { Async, CopyButton, Page, useLoad } from "../ui"

async function sha256Hex(text: string): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null
  const buf = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))
  return Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, "0")).join("")
}

/** The public record of a fair draw (SPEC §0.5) and how to recompute it. */
export function DrawPage() {
  const { id = "" } = useParams()
  const [params] = useSearchParams()
  const digest = params.get("digest")
  const { t } = useI18n()
  const draw = useLoad(() => sdk.fission.draws.retrieve(id), [id])
  const [check, setCheck] = useState<boolean | null>(null)
  const d: any = draw.data?.draw
  useEffect(() => {
    setCheck(null)
    if (!d?.seed || !d?.commitment) return
    void sha256Hex(String(d.seed)).then((h) => setCheck(h === null ? null : h === String(d.commitment).toLowerCase()))
  }, [d?.seed, d?.commitment])
  const cmd = `npx fission-verify ${drawUrl(id)}${config.publishableKey ? ` --key ${config.publishableKey}` : ""}${digest ? ` --digest ${digest}` : ""}`
  return (
    <Page title={t("draw_verification")}>
      <Async state={draw}>
        {({ draw }) => (
          <>
            <div className="card">
              <div className="muted">{t("commitment")}</div>
              <code className="wrap">{draw.commitment ?? "—"}</code>
              <div className="muted">{t("seed")}</div>
              <code className="wrap">{draw.seed ?? t("not_revealed")}</code>
              {check === true && <div className="ok">✔ {t("commitment_ok")}</div>}
              {check === false && <div className="bad">✘ {t("commitment_bad")}</div>}
              {digest && (
                <>
                  <div className="muted">{t("digest_given")}</div>
                  <code className="wrap">{digest}</code>
                </>
              )}
            </div>
            <div className="card">
              <div className="muted">{t("verify_cmd")}</div>
              <div className="row">
                <code className="grow wrap">{cmd}</code>
                <CopyButton text={cmd} />
              </div>
              <div className="muted small">
                {t("public_record")}: <code className="wrap">GET {drawUrl(id)}</code>
              </div>
            </div>
            <h2>{t("outcome")}</h2>
            <pre className="json">{JSON.stringify(draw, null, 2)}</pre>
          </>
        )}
      </Async>
    </Page>
  )
}
