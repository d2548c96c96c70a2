import { describe, expect, it } from 'vitest';
import { Resources } from './resources.ts';

const quietLogger = { error: () => {} };

describe('Resources', () => {
  it('stops resources newest first, once, however often stopAll is called', async () => {
    const stopped: string[] = [];
    const resources = new Resources(quietLogger);
    resources.onStop('database', async () => void stopped.push('database'));
    resources.add('relay', { stop: async () => void stopped.push('relay') });
    resources.addAll('consumers', [{ stop: async () => void stopped.push('consumer') }, { stop: async () => void stopped.push('consumer') }]);
    resources.add('server', { stop: async () => void stopped.push('server') });
    await Promise.all([resources.stopAll(), resources.stopAll()]);
    await resources.stopAll();
    expect(stopped).toEqual(['server', 'consumer', 'consumer', 'relay', 'database']);
  });

  it('stops the rest when one fails and rethrows the first failure', async () => {
    const stopped: string[] = [];
    const resources = new Resources(quietLogger);
    resources.onStop('database', async () => void stopped.push('database'));
    resources.onStop('relay', async () => {
      throw new Error('relay stuck');
    });
    resources.onStop('server', async () => {
      throw new Error('server stuck');
    });
    await expect(resources.stopAll()).rejects.toThrow('server stuck');
    expect(stopped).toEqual(['database']);
  });

  it('refuses registrations once stopping has begun', async () => {
    const resources = new Resources(quietLogger);
    await resources.stopAll();
    expect(() => resources.onStop('late', async () => {})).toThrow(/already stopping/);
  });
});
