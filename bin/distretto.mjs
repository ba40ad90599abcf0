#!/usr/bin/env node
// The `distretto` command: runs the TypeScript CLI through tsx (no separate build step for the server).
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/main.ts');
