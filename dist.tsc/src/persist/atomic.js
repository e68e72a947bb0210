/** temp file, fsync, rename, directory fsync: a reader sees the old file or the new one. */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
/** What a temp file beside `path` is named after: one that outlived its process is never the truth. */
export const TEMP_INFIX = '.tmp-';
export function tempPathOf(path) {
    return `${path}${TEMP_INFIX}${process.pid}`;
}
export function writeFileAtomic(path, text) {
    const temp = tempPathOf(path);
    try {
        const fd = openSync(temp, 'w', 0o600);
        try {
            writeSync(fd, text);
            fsyncSync(fd);
        }
        finally {
            closeSync(fd);
        }
        renameSync(temp, path);
    }
    catch (err) {
        try {
            unlinkSync(temp);
        }
        catch {
            /* never created, or already renamed */
        }
        throw err;
    }
    const dirFd = openSync(dirname(path), 'r');
    try {
        fsyncSync(dirFd);
    }
    finally {
        closeSync(dirFd);
    }
}
/** Makes a rename in this directory durable. */
export async function syncDir(dir) {
    const handle = await open(dir, 'r');
    try {
        await handle.sync();
    }
    finally {
        await handle.close();
    }
}
