#!/usr/bin/env node
// The `guichet` command. Guichet runs its TypeScript sources directly through tsx, so an
// installed checkout needs no build step before `npm start` or `guichet kb validate`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../adapters/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
