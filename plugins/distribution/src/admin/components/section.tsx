import { Text } from "@medusajs/ui"
import { ReactNode } from "react"
import { useTranslation } from "react-i18next"

/** The header row every distribution page and widget starts with: the kit's card header. */
export { CardHeader as SectionHeader } from "@fission/core/admin-kit"

/** Loading / error / empty line under a table. */
export function TableNote({ loading, error, empty, emptyText }: { loading?: boolean; error?: string | null; empty?: boolean; emptyText: string }) {
  const { t } = useTranslation("fission-distribution")
  if (!loading && !error && !empty) return null
  return (
    <div className="px-6 py-4">
      <Text size="small" className={error ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
        {loading ? t("common.loading") : error ? error : emptyText}
      </Text>
    </div>
  )
}

/** A labelled number, e.g. a total above a table. */
export function Stat({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <div className="bg-ui-bg-subtle flex min-w-[140px] flex-1 flex-col gap-y-1 rounded-lg px-4 py-3">
      <Text size="xsmall" className="text-ui-fg-subtle uppercase tracking-wide">
        {label}
      </Text>
      <Text size="large" weight="plus" className="tabular-nums">
        {value}
      </Text>
      {hint && (
        <Text size="xsmall" className="text-ui-fg-muted">
          {hint}
        </Text>
      )}
    </div>
  )
}

/** A form row: label, control, optional hint. */
export function Field({ label, htmlFor, hint, error, children }: { label: string; htmlFor?: string; hint?: ReactNode; error?: string | null; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-y-1.5">
      <label htmlFor={htmlFor} className="txt-compact-small-plus text-ui-fg-base">
        {label}
      </label>
      {children}
      {error ? (
        <Text size="xsmall" className="text-ui-fg-error">
          {error}
        </Text>
      ) : (
        hint && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            {hint}
          </Text>
        )
      )}
    </div>
  )
}
