import { runStandalone } from '@drobble/kit/standalone';
import orders from './index.ts';

await runStandalone(orders);
