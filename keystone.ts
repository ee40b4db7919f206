import { databaseSettings } from './src/platform/config/env.js';
import { createConfig } from './src/app/keystone-config.js';

export default createConfig(databaseSettings());
