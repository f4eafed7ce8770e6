// Many devices at once, straight into the authority's database in one write transaction (the
// import operation validates and audits row by row, which is right for people and far too slow
// for arranging 100,000 rows). Used by the 100,000-device test and by bench/ui.ts.
import type { Authority } from '../../src/authority/authority';

export const bulkSerial = (i: number): string => `PBX-${String(i).padStart(6, '0')}`;

const MODELS = ['comtrexx-business', 'comtrexx-advanced', 'comtrexx-vm', 'askozia-pbx'];
const CUSTOMERS = 200;
const ROWS_PER_INSERT = 1000;

/** `count` devices PBX-000000…, spread over 200 customers and 4 models; every third has a dated
 *  user licence so the list shows more than one status. */
export async function insertDevices(a: Authority, count: number, now = new Date()): Promise<void> {
  const { db } = a.ctx;
  const reseller = a.local.resellerId!;
  const at = now.toISOString();
  await db.write(async (tx) => {
    await tx.run(
      db.qb.insertInto('customers').values(
        Array.from({ length: CUSTOMERS }, (_, i) => ({
          reseller_id: reseller,
          name: `Customer ${i}`,
          created_at: at,
        })),
      ),
    );
    const customers = await tx.all(
      db.qb.selectFrom('customers').select(['id']).where('reseller_id', '=', reseller).orderBy('id'),
    );
    for (let start = 0; start < count; start += ROWS_PER_INSERT) {
      const rows = [];
      for (let i = start; i < Math.min(count, start + ROWS_PER_INSERT); i++) {
        rows.push({
          reseller_id: reseller,
          customer_id: customers[i % customers.length]!.id,
          registration_id: null,
          serial: bulkSerial(i),
          serial_folded: bulkSerial(i).toUpperCase(), // as devices.add stores it (unique, case-insensitive)
          model: MODELS[i % MODELS.length]!,
          name: `Site ${i}`,
          created_at: at,
          retired_at: null,
        });
      }
      await tx.run(db.qb.insertInto('devices').values(rows));
    }
    const ids = await tx.all(
      db.qb.selectFrom('devices').select(['id']).where('reseller_id', '=', reseller).orderBy('id'),
    );
    const licensed = ids.filter((_, i) => i % 3 === 0);
    for (let start = 0; start < licensed.length; start += ROWS_PER_INSERT) {
      await tx.run(
        db.qb.insertInto('licences').values(
          licensed.slice(start, start + ROWS_PER_INSERT).map((d, i) => ({
            device_id: d.id,
            feature: 11,
            quantity: 5,
            source: 'grant' as const,
            not_after: new Date(now.getTime() + (((start + i) % 400) + 1) * 86_400_000).toISOString(),
            created_at: at,
            ended_at: null,
            coupon_id: null,
          })),
        ),
      );
    }
  });
}
