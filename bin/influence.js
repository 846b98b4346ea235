#!/usr/bin/env node
// Thin entry point: all behaviour lives in dist/cli/main.js (built by `npm install`).
import { main, processIo } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2), processIo());
