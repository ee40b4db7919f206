import { OutboundPolicy } from '../../src/platform/http/outbound.js';

/**
 * The fixture servers of the tests listen on this machine, which the outbound check refuses (issue 14
 * #10): tests that fetch from them allow loopback explicitly, as an intranet deployment allow-lists its
 * own hosts. Nothing else is allowed, so a test can still see a refusal of any other address.
 */
export const loopbackAllowed = OutboundPolicy.parse(['127.0.0.0/8', '::1']);
