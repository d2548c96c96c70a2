import { runStandalone } from '@drobble/kit/standalone';
import cart from './index.ts';

await runStandalone(cart);
