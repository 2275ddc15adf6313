import { Select } from "@medusajs/ui"

export const ALL = "all" // Radix Select items cannot have an empty value

/** A small Select with an "all" option; `value` ALL means no filter. */
export function FilterSelect({
  value,
  onChange,
  options,
  allLabel,
  className = "w-[170px]",
}: {
  value: string
  onChange: (value: string) => void
  options: { value: string; label: string }[]
  allLabel: string
  className?: string
}) {
  return (
    <div className={className}>
      <Select size="small" value={value} onValueChange={onChange}>
        <Select.Trigger>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value={ALL}>{allLabel}</Select.Item>
          {options.map((o) => (
            <Select.Item key={o.value} value={o.value}>
              {o.label}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )
}
