/**
 * Whether the fleet is recording the gateway's calls (the supervisor says so at start and
 * when it changes). Off, the journal's entries go to the supervisor as they are; on, a
 * gateway call whose body the journal cut at 4 KiB goes with the uncut body as well.
 */
import { BODY_CAP } from '../../journal/journal.js';
import { redactSecrets } from '../../journal/redact.js';
export const recordingFlag = { on: false };
export function withFullBodies(entry, reqBody, reqLength, respText, respValue) {
    const out = { ...entry };
    if (reqLength > BODY_CAP)
        out.full_req_body = redactSecrets(reqBody ?? null);
    if (respText !== undefined && respText.length > BODY_CAP)
        out.full_resp_body = respValue;
    return out;
}
