import { runStandalone } from '@drobble/kit/standalone';
import shipping from './index.ts';

await runStandalone(shipping);
