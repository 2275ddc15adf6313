import { Heading, Text } from "@medusajs/ui"
import { ReactNode } from "react"
import { useTranslation } from "react-i18next"

/** The header row every distribution page and widget starts with. */
export function SectionHeader({ title, subtitle, actions, level = "h2" }: { title: string; subtitle?: ReactNode; actions?: ReactNode; level?: "h1" | "h2" | "h3" }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-6 py-4">
      <div className="flex min-w-0 flex-col">
        <Heading level={level}>{title}</Heading>
        {subtitle && (
          <Text size="small" className="text-ui-fg-subtle">
            {subtitle}
          </Text>
        )}
      </div>
      {actions && <div className="flex items-center gap-x-2">{actions}</div>}
    </div>
  )
}

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
