// The authority itself: health and its root certificate (the trust anchor for PBXs).
import { z } from 'zod';
import { empty, op } from './define';

export const systemOps = {
  'system.health': op({
    name: 'system.health',
    summary: 'Is the authority up, and which database does it use',
    mutating: false,
    public: true,
    input: empty,
    output: z.object({ ok: z.boolean(), database: z.enum(['sqlite', 'postgres']), time: z.string() }),
  }),
  'ca.root': op({
    name: 'ca.root',
    summary: 'The root certificate PBXs trust (PEM)',
    mutating: false,
    public: true,
    input: empty,
    output: z.object({ pem: z.string() }),
  }),
};
