import type { RunningService } from '@drobble/kit/runtime';
import { demoAccounts } from '@drobble/identity/demo-accounts';

export interface BannerFacts {
  gatewayUrl: string;
  services: Record<string, RunningService>;
  database: string;
  bus: string;
  secondsToReady: number;
}

/** What a person starting Drobble needs to see: where to go, how to sign in, what it runs on. */
export function printBanner(facts: BannerFacts) {
  const lines = [
    '',
    `Drobble is up in ${facts.secondsToReady.toFixed(1)} s`,
    `  GraphQL + Apollo Sandbox: ${facts.gatewayUrl}`,
    `  database: ${facts.database}`,
    `  events:   ${facts.bus}`,
    `  subgraphs: ${Object.values(facts.services).filter((s) => s.name !== 'gateway').map((s) => `${s.name} ${s.url}`).join(', ')}`,
    '  demo accounts:',
    ...demoAccounts.map((account) => `    ${account.role.padEnd(8)} ${account.email} / ${account.password}`),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
