import { runStandalone } from '@drobble/kit/standalone';
import inventory from './index.ts';

await runStandalone(inventory);
