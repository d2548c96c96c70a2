import { runStandalone } from '@drobble/kit/standalone';
import audit from './index.ts';

await runStandalone(audit);
