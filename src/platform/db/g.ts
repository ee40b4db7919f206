import { gWithContext } from '@keystone-6/core';
import type { Context } from './prisma.js';

/**
 * Keystone's GraphQL schema builder, typed with our context: virtual fields and the schema's extensions
 * get the typed context in their resolvers (Keystone's own `g` gives an untyped one).
 */
export const g = gWithContext<Context>();
