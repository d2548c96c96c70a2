import { runStandalone } from '@drobble/kit/standalone';
import analytics from './index.ts';

await runStandalone(analytics);
