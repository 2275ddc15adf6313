import { Button, Drawer, Input, Label, Text, Textarea } from "@medusajs/ui"
import { createContext, FormEvent, ReactNode, useContext, useState } from "react"
import { useTranslation } from "react-i18next"
import { fieldErrors } from "./errors.js"
import { KIT_NS } from "./i18n.js"

export const FieldErrors = createContext<Record<string, string>>({})

/**
 * For inline forms (settings pages): `Field`s inside show `errors[name]`; build `errors`
 * with `fieldErrors(e, fields)` from a failed save.
 */
export function FieldErrorsProvider({ errors, children }: { errors: Record<string, string>; children: ReactNode }) {
  return <FieldErrors.Provider value={errors}>{children}</FieldErrors.Provider>
}

/** A labelled control; shows the API's 400 message under it when that message names `name`. */
export function Field({ name, label, hint, children }: { name?: string; label: ReactNode; hint?: ReactNode; children: ReactNode }) {
  const errors = useContext(FieldErrors)
  const error = name ? errors[name] : undefined
  return (
    <div className="flex flex-col gap-y-1">
      <Label size="small" weight="plus" htmlFor={name ? `fission-field-${name}` : undefined}>
        {label}
      </Label>
      {children}
      {hint && !error && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {hint}
        </Text>
      )}
      {error && (
        <Text size="xsmall" className="text-ui-fg-error">
          {error}
        </Text>
      )}
    </div>
  )
}

/** The id `Field` gives its label, for the control inside it. */
export const fieldId = (name: string) => `fission-field-${name}`

export type FormDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: ReactNode
  description?: ReactNode
  submitLabel?: ReactNode
  destructive?: boolean
  disabled?: boolean
  /** Field names the form has: a 400 message naming one is shown under it, others above the buttons. */
  fields?: readonly string[]
  /** Throw (the js-sdk does on 4xx) to keep the drawer open with the message shown. */
  onSubmit: () => Promise<unknown>
  children: ReactNode
}

/**
 * A drawer form: submit runs `onSubmit`; on success it closes, on a 4xx it stays open
 * with the API's message under the field it names.
 */
export function FormDrawer(props: FormDrawerProps) {
  return (
    <Drawer open={props.open} onOpenChange={props.onOpenChange}>
      <Drawer.Content>{props.open && <FormBody {...props} />}</Drawer.Content>
    </Drawer>
  )
}

function FormBody({ onOpenChange, title, description, submitLabel, destructive, disabled, fields = [], onSubmit, children }: FormDrawerProps) {
  const { t } = useTranslation(KIT_NS)
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (busy) return
    setBusy(true)
    setErrors({})
    try {
      await onSubmit()
      onOpenChange(false)
    } catch (err) {
      setErrors(fieldErrors(err, fields))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Header>
        <Drawer.Title>{title}</Drawer.Title>
        {description && <Drawer.Description className="txt-small text-ui-fg-subtle">{description}</Drawer.Description>}
      </Drawer.Header>
      <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
        <FieldErrors.Provider value={errors}>{children}</FieldErrors.Provider>
        {errors._form && (
          <Text size="small" className="text-ui-fg-error">
            {errors._form}
          </Text>
        )}
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button">
            {t("kit.form.cancel")}
          </Button>
        </Drawer.Close>
        <Button size="small" type="submit" variant={destructive ? "danger" : "primary"} isLoading={busy} disabled={disabled}>
          {submitLabel ?? t("kit.form.save")}
        </Button>
      </Drawer.Footer>
    </form>
  )
}

export type TextPrompt = {
  title: string
  description?: ReactNode
  label: string
  /** The API field the value is sent as (its 400 message is shown under the input). */
  name?: string
  placeholder?: string
  /** The server also enforces it; this only disables the button while empty. */
  required?: boolean
  multiline?: boolean
  submitLabel: string
  destructive?: boolean
  onSubmit: (value: string) => Promise<unknown>
}

/** A drawer asking for one text (a reason, a reference) before an action. `prompt = null` closes it. */
export function PromptDrawer({ prompt, onClose }: { prompt: TextPrompt | null; onClose: () => void }) {
  const [value, setValue] = useState("")
  const name = prompt?.name ?? "value"
  const Control = prompt?.multiline ? Textarea : Input
  return (
    <FormDrawer
      open={prompt !== null}
      onOpenChange={(open) => {
        if (!open) {
          setValue("")
          onClose()
        }
      }}
      title={prompt?.title}
      description={prompt?.description}
      submitLabel={prompt?.submitLabel}
      destructive={prompt?.destructive}
      disabled={!!prompt?.required && !value.trim()}
      fields={[name]}
      onSubmit={async () => {
        await prompt!.onSubmit(value.trim())
        setValue("")
      }}
    >
      <Field name={name} label={prompt?.label}>
        <Control
          id={fieldId(name)}
          autoFocus
          placeholder={prompt?.placeholder}
          value={value}
          onChange={(e: { target: { value: string } }) => setValue(e.target.value)}
        />
      </Field>
    </FormDrawer>
  )
}
