import { runStandalone } from '@drobble/kit/standalone';
import catalog from './index.ts';

await runStandalone(catalog);
