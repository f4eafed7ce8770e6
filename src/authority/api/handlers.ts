// Which function serves which operation. Every area's service functions are plain
// (ctx, actor, input) => output; this table is the only place they are listed.
import type { OpName } from '../../shared/api';
import type { Actor, AuthorityContext } from '../context';
import { adminHandlers } from '../admin/handlers';
import { recreateCertificate } from '../certificates/issue';
import { grantLicence } from '../certificates/licences';
import {
  addDevice,
  importDevices,
  list,
  listCustomers,
  moveDevice,
  renameDevice,
  retireDevice,
} from '../devices/service';
import { deviceDetail } from '../devices/detail';
import { decideTransfer, listTransfers, requestTransfer } from '../devices/transfers';
import { OFFERS_HANDLERS } from '../registration/handlers';
import { blockCoupon, mintCoupons, redeemCoupon } from '../coupons/service';
import { listBindings, resetBinding, showBinding } from '../bindings/service';
import { toPem } from '../../licensing/pem';
import { checkVerification, verificationHistory } from '../verification/service';
import { auditHead, checkAudit, listAudit } from '../audit/service';

export type Handler = (ctx: AuthorityContext, actor: Actor, input: never) => Promise<unknown>;

export const HANDLERS: Record<OpName, Handler> = {
  'system.health': async (ctx) => ({ ok: true, database: ctx.db.dialect, time: ctx.now().toISOString() }),
  'ca.root': async (ctx) => ({ pem: toPem('CERTIFICATE', ctx.ca.rootDer) }),
  ...adminHandlers,
  'devices.add': addDevice,
  'devices.list': list,
  'devices.get': deviceDetail,
  'devices.rename': renameDevice,
  'devices.move': moveDevice,
  'devices.retire': retireDevice,
  'devices.import': importDevices,
  'transfers.request': requestTransfer,
  'transfers.list': listTransfers,
  'transfers.approve': decideTransfer('approved'),
  'transfers.refuse': decideTransfer('refused'),
  'customers.list': listCustomers,
  'licences.grant': grantLicence,
  'certificates.recreate': recreateCertificate,
  ...OFFERS_HANDLERS,
  'coupons.mint': mintCoupons,
  'coupons.redeem': redeemCoupon,
  'coupons.block': blockCoupon,
  'bindings.list': listBindings,
  'bindings.show': showBinding,
  'bindings.reset': resetBinding,
  'verification.check': checkVerification,
  'verification.history': verificationHistory,
  'audit.list': listAudit,
  'audit.verify': checkAudit,
  'audit.head': auditHead,
};
