import type { Kysely, Transaction } from 'kysely';
import type { PublicOrderDocument } from '@hazard-ledger/domain';
import type { Database } from '../../db/schema.js';
import { parseOfficers } from './enforcement-orders.service.js';
import * as repo from './enforcement-orders.repository.js';

// The public side of an order's or re-inspection opinion's verification code: the public
// verify endpoint (inspections module) looks a code up here when it is not an inspection
// record's, and shows only what the printed document already shows.

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * The order or re-inspection opinion whose verification code (SHA-256 of its canonical text,
 * hex) is `code`, with the minimal public facts; undefined when none has it.
 */
export async function findOrderByCode(
  db: Kysely<Database> | Transaction<Database>,
  code: string,
): Promise<PublicOrderDocument | undefined> {
  const normalised = code.trim().toLowerCase();
  if (!HEX64.test(normalised)) return undefined;
  const officers = (text: string) =>
    parseOfficers(text).map((o) => ({ name: o.name, certificateNo: o.certificateNo }));
  const order = await repo.findOrderByVerificationCode(db, normalised);
  if (order) {
    return {
      kind: 'order',
      number: order.order_no,
      enterpriseName: order.enterprise_name,
      date: order.issued_on,
      inspectors: officers(order.inspectors),
    };
  }
  const opinion = await repo.findReinspectionByVerificationCode(db, normalised);
  if (opinion) {
    return {
      kind: 'reinspection',
      number: opinion.opinion_no,
      enterpriseName: opinion.enterprise_name,
      date: opinion.reinspected_on,
      inspectors: officers(opinion.inspectors),
    };
  }
  return undefined;
}
