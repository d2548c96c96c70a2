import { runStandalone } from '@drobble/kit/standalone';
import partners from './index.ts';

await runStandalone(partners);
