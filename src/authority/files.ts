// Files the authority writes must never be half-written: write-file-atomic writes a temporary
// file created with the final mode (so a key is never readable by others, even for a moment),
// fsyncs it and renames it over the target; its folder sync is best effort, which Windows needs.
import writeFileAtomicPackage from 'write-file-atomic';

/** Owner-only by default: everything in the data folder is 0600 (data-dir.ts). */
export function writeFileAtomic(file: string, data: string | Uint8Array, mode = 0o600): void {
  writeFileAtomicPackage.sync(file, typeof data === 'string' ? data : Buffer.from(data), { mode, fsync: true });
}
