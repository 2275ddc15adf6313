import { Button, Container, Heading, Label, Text } from "@medusajs/ui"
import { ReactNode, useContext } from "react"
import { useTranslation } from "react-i18next"
import { errorMessage } from "./errors.js"
import { FieldErrors } from "./form-drawer.js"
import { KIT_NS } from "./i18n.js"

/** The heading row of a card: title, subtitle, actions at the right. */
export function CardHeader({
  title,
  subtitle,
  actions,
  level = "h2",
}: {
  title: ReactNode
  subtitle?: ReactNode
  actions?: ReactNode
  level?: "h1" | "h2" | "h3"
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-6 py-4">
      <div className="flex min-w-0 flex-col gap-y-1">
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

/**
 * A card: Container with a heading row (title, subtitle, actions), then the loading line,
 * the API error, or the children.
 */
export function Card({
  loading,
  error,
  children,
  ...header
}: Parameters<typeof CardHeader>[0] & { loading?: boolean; error?: unknown; children?: ReactNode }) {
  const { t } = useTranslation(KIT_NS)
  return (
    <Container className="divide-y p-0">
      <CardHeader {...header} />
      {loading ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          {t("kit.common.loading")}
        </Text>
      ) : error ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          {errorMessage(error)}
        </Text>
      ) : (
        children
      )}
    </Container>
  )
}

/** A small labelled value (a fact in a grid of facts). */
export function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col">
      <Text size="small" className="text-ui-fg-subtle">
        {label}
      </Text>
      <div className="txt-compact-small-plus">{children}</div>
    </div>
  )
}

/**
 * A settings row: label and hint on the left, the control and the API's error for `name`
 * (from `FieldErrorsProvider`) on the right.
 */
export function SettingRow({ name, label, hint, children }: { name: string; label: ReactNode; hint?: ReactNode; children: ReactNode }) {
  const error = useContext(FieldErrors)[name]
  return (
    <div className="grid grid-cols-2 items-start gap-x-4">
      <div>
        <Label htmlFor={`fission-field-${name}`} weight="plus">
          {label}
        </Label>
        {hint && (
          <Text size="small" className="text-ui-fg-subtle">
            {hint}
          </Text>
        )}
      </div>
      <div className="flex flex-col gap-y-1">
        {children}
        {error && (
          <Text size="xsmall" className="text-ui-fg-error">
            {error}
          </Text>
        )}
      </div>
    </div>
  )
}

/** The API error no field claimed (`fieldErrors`' `_form`), inside a `FieldErrorsProvider`. */
export function FormError() {
  const error = useContext(FieldErrors)._form
  return error ? (
    <Text size="small" className="text-ui-fg-error">
      {error}
    </Text>
  ) : null
}

/** A titled block of a card (padded like a card's rows); `children` below the title. */
export function Section({ title, children, className = "gap-y-2" }: { title: ReactNode; children: ReactNode; className?: string }) {
  return (
    <div className={`flex flex-col px-6 py-4 ${className}`}>
      <Text size="small" weight="plus">
        {title}
      </Text>
      {children}
    </div>
  )
}

/**
 * A settings form's last row: Reset (when `onReset` is given) and Save (a submit button),
 * then the API error no field claimed. Inside the form's `FieldErrorsProvider`.
 */
export function SaveRow({
  saving,
  disabled,
  onReset,
  saveLabel,
  className = "",
}: {
  saving: boolean
  disabled?: boolean
  onReset?: () => void
  saveLabel?: string
  className?: string
}) {
  const { t } = useTranslation(KIT_NS)
  return (
    <>
      <div className={`flex justify-end gap-x-2 ${className}`}>
        {onReset && (
          <Button type="button" variant="secondary" size="small" disabled={disabled || saving} onClick={onReset}>
            {t("kit.form.reset")}
          </Button>
        )}
        <Button type="submit" size="small" disabled={disabled} isLoading={saving}>
          {saveLabel ?? t("kit.form.save")}
        </Button>
      </div>
      <FormError />
    </>
  )
}
