import { runStandalone } from '@drobble/kit/standalone';
import notifications from './index.ts';

await runStandalone(notifications);
