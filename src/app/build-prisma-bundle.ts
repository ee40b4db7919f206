import fs from 'node:fs';
import path from 'node:path';
import { projectRoot, type DatabaseProvider } from '../platform/config/env.js';

/*
 * `keystone start` loads the Prisma client from `.keystone/prisma.js`, a bundle Keystone's build makes
 * for one engine. Each engine's bundle is kept beside it, and `.keystone/prisma.js` becomes a switch on
 * DATABASE_URL (the same rule as src/platform/config/env.ts), so one build of the Admin UI serves SQLite and
 * PostgreSQL alike, and instances on either engine start without building again.
 */

export const prismaBundle = (provider: DatabaseProvider) => `.keystone/prisma-${provider}.js`;

const switchSource = `"use strict";
// Written by gongkai's build (src/app/build-prisma-bundle.ts): the Prisma client of the configured engine.
const postgres = /^postgres(ql)?:\\/\\//i.test((process.env.DATABASE_URL || "").trim());
module.exports = require(postgres ? "./prisma-postgresql.js" : "./prisma-sqlite.js");
`;

export function keepPrismaBundle(provider: DatabaseProvider): void {
  const dir = path.join(projectRoot, '.keystone');
  fs.copyFileSync(path.join(dir, 'prisma.js'), path.join(projectRoot, prismaBundle(provider)));
  if (fs.existsSync(path.join(dir, 'prisma.js.map')))
    fs.copyFileSync(path.join(dir, 'prisma.js.map'), path.join(dir, `prisma-${provider}.js.map`));
  fs.writeFileSync(path.join(dir, 'prisma.js'), switchSource);
}
