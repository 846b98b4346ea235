#!/usr/bin/env node
// Thin entry point: all behaviour lives in dist/cli/main.js (built by `npm install`).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  // a getter: only the dashboard touches stdin (creating it is not free)
  get stdin() {
    return process.stdin;
  },
});
