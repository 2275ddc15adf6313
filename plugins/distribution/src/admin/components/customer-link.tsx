import { Link } from "react-router-dom"
import { CustomerCard, personName } from "../lib/distribution"

/** A customer's name linking to their Medusa customer page, with the e-mail underneath. */
export function CustomerLink({ customer, compact = false }: { customer: Partial<CustomerCard> & { id: string }; compact?: boolean }) {
  const name = personName(customer)
  return (
    <div className="flex min-w-0 flex-col">
      <Link
        to={`/customers/${customer.id}`}
        className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover truncate txt-compact-small"
        onClick={(e) => e.stopPropagation()}
      >
        {name}
      </Link>
      {!compact && customer.email && name !== customer.email && (
        <span className="txt-compact-xsmall text-ui-fg-subtle truncate">{customer.email}</span>
      )}
    </div>
  )
}
