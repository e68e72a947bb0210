/**
 * Requests Node's HTTP parser refuses before any middleware runs (headers over 16 KiB, a
 * malformed request line) still get the contract's error body, then the connection closes.
 */
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Mk6Error } from '../contract/errors.js';
import { writeErrorToSocket } from './error-writer.js';

const PARSER_ERRORS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'HEADERS_TOO_LARGE', 'En-têtes trop gros (max 16 KiB)'],
  HPE_REQUEST_TIMEOUT: [408, 'REQUEST_TIMEOUT', 'Requête trop lente'],
};

export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const [status, code, message] = PARSER_ERRORS[err.code ?? ''] ?? [400, 'BAD_REQUEST', 'Requête HTTP invalide'];
    // A HEAD refused by the parser (say, a request line over 16 KiB) gets no body: its client would read one as garbage.
    const head = err.rawPacket?.subarray(0, 5).toString('latin1') === 'HEAD ';
    writeErrorToSocket(socket, new Mk6Error(status, code, message), head);
  });
}
