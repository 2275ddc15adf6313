import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  MANUAL_PAYOUT_PROVIDER_ID,
  PAYOUT_PROVIDERS_OPTION,
  payoutProviderRegistry,
  WithdrawalPayoutProvider,
} from "../../../utils/withdrawals"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"
import type { WithdrawalRow } from "../../../modules/distribution/withdrawal-rows"

const PLUGIN = "@fission/distribution"

/** `manual` plus the providers listed in this plugin's `withdrawal_payout_providers` option. */
export function payoutProviders(container: MedusaContainer): Map<string, WithdrawalPayoutProvider> {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE) as any
  const entry = (config?.plugins ?? []).find((p: any) => typeof p === "object" && p?.resolve === PLUGIN)
  return payoutProviderRegistry(entry?.options?.[PAYOUT_PROVIDERS_OPTION])
}

export function resolvePayoutProvider(container: MedusaContainer, providerId?: string | null) {
  const id = providerId ?? MANUAL_PAYOUT_PROVIDER_ID
  const providers = payoutProviders(container)
  const provider = providers.get(id)
  if (!provider) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `provider_id must be one of ${[...providers.keys()].join(", ")}; got ${id}`
    )
  }
  return provider
}

/** Fails early (before anything changes) on an unknown provider or a manual payout without reference. */
export const validatePayoutStep = createStep(
  "fission-distribution-validate-withdrawal-payout",
  async (input: { provider_id?: string | null; reference?: string | null }, { container }) => {
    const provider = resolvePayoutProvider(container, input.provider_id)
    if (provider.id === MANUAL_PAYOUT_PROVIDER_ID && !input.reference?.trim()) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "reference is required for a manual payout")
    }
    return new StepResponse(provider.id)
  }
)

/**
 * Pays the customer through the provider and records its reference. Runs after
 * the withdrawal was claimed as `paid`, so it runs once per withdrawal; an
 * external payout cannot be undone, so this step has no compensation.
 */
export const payoutWithdrawalStep = createStep(
  "fission-distribution-payout-withdrawal",
  async (
    input: { withdrawal: WithdrawalRow; provider_id?: string | null; reference?: string | null; actor_id?: string | null },
    { container }
  ) => {
    const provider = resolvePayoutProvider(container, input.provider_id)
    const w = input.withdrawal
    let reference: string
    try {
      ;({ reference } = await provider.payout({
        id: w.id,
        customer_id: w.customer_id,
        amount: String(w.amount),
        fee: String(w.fee),
        net_amount: String(w.net_amount),
        currency_code: w.currency_code,
        method: w.method,
        account: w.account,
        reference: input.reference ?? null,
        actor_id: input.actor_id ?? null,
      }))
    } catch (e: any) {
      if (e instanceof MedusaError) throw e
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Payout with ${provider.id} failed: ${e?.message ?? e}`)
    }
    if (!reference?.trim()) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Payout provider ${provider.id} returned no reference`)
    }
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const updated = await service.recordWithdrawalReference(w.id, reference.trim())
    return new StepResponse(updated ?? { ...w, reference: reference.trim() })
  }
)
