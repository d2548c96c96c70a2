import type { ServerResponse } from 'node:http';
import { ErrorCode } from '@drobble/kit/errors';
import { sendJson } from '@drobble/kit/server/http';

/** HTTP 401 for an X-Api-Key that is unknown or revoked (the same answer for both: nothing to probe). */
export function sendInvalidApiKey(response: ServerResponse): void {
  sendJson(response, 401, { errors: [{ message: 'This API key is not valid', extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
}
