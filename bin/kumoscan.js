#!/usr/bin/env node
// The kumoscan command: runs the compiled CLI (built by `npm ci` / `npm run build` into dist/).
import { main } from '../dist/src/cli.js';

process.exitCode = await main(process.argv);
