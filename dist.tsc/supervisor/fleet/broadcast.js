/** A fleet-wide control sent to every running worker in parallel, under a timeout. */
import { requestJson } from '../../src/shared/http-client.js';
/** Sends to every target; the MK6s that are down are reported as failed with their status. */
export async function broadcast(targets, down, path, body, headers = {}, timeoutMs = 2000) {
    const results = await Promise.all(targets.map(async (t) => {
        try {
            const res = await requestJson(`${t.url}${path}`, {
                method: 'POST',
                body: body ?? {},
                headers,
                timeoutMs,
            });
            if (res.status >= 400) {
                const err = res.body;
                return { id: t.id, error: `${res.status} ${err?.error ?? ''}`.trim() };
            }
            return { id: t.id, error: null };
        }
        catch (err) {
            return { id: t.id, error: err.message };
        }
    }));
    return {
        total: targets.length + down.length,
        ok: results.filter((r) => r.error === null).map((r) => r.id),
        failed: [...results.filter((r) => r.error !== null).map((r) => ({ mk6_id: r.id, error: r.error })), ...down.map((d) => ({ mk6_id: d.id, error: d.status }))],
    };
}
