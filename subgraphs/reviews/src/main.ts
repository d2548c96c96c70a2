import { runStandalone } from '@drobble/kit/standalone';
import reviews from './index.ts';

await runStandalone(reviews);
