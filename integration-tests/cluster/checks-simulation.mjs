// The randomized simulation (integration-tests/simulation/) as the cluster suite's last
// check: a fixed seed and size in CI; a long run is the same check with a bigger
// FISSION_SIM_OPS (bench/README.md). A failure prints the seed and size that replay it.
import { simulate } from "../simulation/simulate.mjs"
import { checkExamples } from "../simulation/expectations-examples.mjs"

/** Shoppers the simulation gets of its own (run.mjs creates them after the other checks' 160). */
export const SIMULATION_SHOPPERS = Number(process.env.FISSION_SIM_SHOPPERS || 24)
// after the shoppers of the other checks (1–520)
export const SIMULATION_FIRST_SHOPPER = 540

export function simulationChecks({ client, store, url, log }) {
  const seed = process.env.FISSION_SIM_SEED || "fission-ci-1"
  const ops = Number(process.env.FISSION_SIM_OPS || 120)
  const lanes = Number(process.env.FISSION_SIM_LANES || 6)
  return [
    {
      name: `simulation: ${ops} seeded operations of ${SIMULATION_SHOPPERS} shoppers in ${lanes} lanes across every plugin, then every invariant (seed ${seed})`,
      run: async () => {
        checkExamples() // the model itself against SPEC §0.4's worked examples
        const shoppers = store.shoppers.slice(SIMULATION_FIRST_SHOPPER, SIMULATION_FIRST_SHOPPER + SIMULATION_SHOPPERS)
        if (shoppers.length < SIMULATION_SHOPPERS) throw new Error(`the store has ${store.shoppers.length} shoppers; the simulation needs ${SIMULATION_FIRST_SHOPPER + SIMULATION_SHOPPERS}`)
        const { problems, lines, figures, logFile } = await simulate({ client, store, url, shoppers, seed, ops, lanes, log })
        log(`    figures: ${JSON.stringify(figures)}`)
        log(`    operation log: ${logFile}`)
        if (problems.length) {
          throw new Error(
            `${problems.length} invariant(s) broken — replay with FISSION_SIM_SEED=${seed} FISSION_SIM_OPS=${ops} FISSION_SIM_LANES=${lanes} FISSION_CLUSTER_CHECKS=simulation npm run test:cluster\n` +
              problems.slice(0, 30).map((p) => `  - ${p}`).join("\n") +
              `\nlast operations:\n${lines.slice(-25).map((l) => `  ${l}`).join("\n")}`
          )
        }
      },
    },
  ]
}
