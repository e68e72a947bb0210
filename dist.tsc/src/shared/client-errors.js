import { errors } from '../contract/errors.js';
import { writeErrorToSocket } from './error-writer.js';
export function answerClientErrors(server) {
    server.on('clientError', (err, socket) => {
        if (err.code === 'ECONNRESET' || !socket.writable)
            return void socket.destroy();
        // A HEAD refused by the parser (say, a request line over 16 KiB) gets no body: its client would read one as garbage.
        const head = err.rawPacket?.subarray(0, 5).toString('latin1') === 'HEAD ';
        writeErrorToSocket(socket, errors.parserRefused(err.code), head);
    });
}
