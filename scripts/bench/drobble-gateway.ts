/** Benchmark helper process: the Drobble gateway, configured from the environment. */
import { createLogger } from '@drobble/kit/logger';
import { startGateway } from '@drobble/gateway';

const gateway = await startGateway({ env: process.env, logger: createLogger('gateway', 'warn') });
process.stdout.write(`READY ${gateway.url}\n`);
