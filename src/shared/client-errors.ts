/**
 * Requests Node's HTTP parser refuses before any middleware runs (headers over 16 KiB, a
 * malformed request line) still get the contract's error body, then the connection closes.
 */
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { errors } from '../contract/errors.js';
import { writeErrorToSocket } from './error-writer.js';

export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    // A HEAD refused by the parser (say, a request line over 16 KiB) gets no body: its client would read one as garbage.
    const head = err.rawPacket?.subarray(0, 5).toString('latin1') === 'HEAD ';
    writeErrorToSocket(socket, errors.parserRefused(err.code), head);
  });
}
