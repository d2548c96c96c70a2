import { runStandalone } from '@drobble/kit/standalone';
import payments from './index.ts';

await runStandalone(payments);
