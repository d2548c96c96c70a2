import { runStandalone } from '@drobble/kit/standalone';
import search from './index.ts';

await runStandalone(search);
