import { databaseSettings } from './src/config/env.js';
import { createConfig } from './src/keystone-config.js';

export default createConfig(databaseSettings());
