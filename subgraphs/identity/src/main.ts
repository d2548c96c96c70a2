import { runStandalone } from '@drobble/kit/standalone';
import identity from './index.ts';

await runStandalone(identity);
