import type { DeadLetterView } from '../../application/dead-letters.ts';

/** DeadLetter.event as JSON text. */
export const DeadLetter = {
  event: (letter: DeadLetterView) => (typeof letter.event === 'string' ? letter.event : JSON.stringify(letter.event)),
};
