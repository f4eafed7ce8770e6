// Comparing an intact-looking chain with its signed checkpoints. A chain that verifies on its own
// may still be cut (newest entries deleted) or re-hashed after an edit; a checkpoint, signed when
// the entries were written, says how many entries there were and what the head hash was. Entries
// up to a checkpoint that matches are as they were; the first one that does not match bounds the
// first changed entry from below (the previous matching checkpoint) and above (its own id).
import type { Checkpoint } from './checkpoint-file';
import { GENESIS } from './log';

export interface Comparison {
  /** The newest checkpoint, when every checkpoint matches. */
  newest?: { id: number; at: string };
  firstBroken?: { id: number; reason: string };
  problem?: { code: 'AUDIT_TAIL_MISSING' | 'AUDIT_REWRITTEN'; message: string };
}

export function compareWithCheckpoints(hashes: string[], checkpoints: Checkpoint[]): Comparison {
  const n = hashes.length;
  let matched = 0;
  for (const c of [...checkpoints].sort((a, b) => a.id - b.id || a.at.localeCompare(b.at))) {
    if (c.id > n) {
      const reason = `entry ${n + 1} is missing: the checkpoint signed at ${c.at} covers ${c.id} entries, the log has ${n}`;
      return {
        firstBroken: { id: n + 1, reason },
        problem: {
          code: 'AUDIT_TAIL_MISSING',
          message: `Audit log cut: ${c.id - n === 1 ? `entry ${c.id} is` : `entries ${n + 1} to ${c.id} are`} missing (the checkpoint signed at ${c.at} covers ${c.id} entries; the log has ${n}).`,
        },
      };
    }
    if ((c.id === 0 ? GENESIS : hashes[c.id - 1]) !== c.hash) {
      const from = matched + 1;
      const which = from === c.id ? `entry ${c.id}` : `one of entries ${from} to ${c.id}`;
      return {
        firstBroken: { id: from, reason: `${which} was changed after the checkpoint signed at ${c.at}` },
        problem: {
          code: 'AUDIT_REWRITTEN',
          message: `Audit log rewritten: ${which} was changed and the chain re-hashed after the checkpoint signed at ${c.at}. Entries from ${from} on cannot be trusted.`,
        },
      };
    }
    matched = c.id;
  }
  if (checkpoints.length === 0) return {};
  const newest = checkpoints.reduce((a, b) => (b.id > a.id ? b : a));
  return { newest: { id: newest.id, at: newest.at } };
}
