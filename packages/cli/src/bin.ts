#!/usr/bin/env node
import { main } from './index.js';

// `oriva events list | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const code = await main(process.argv.slice(2));
// Let piped output drain before leaving; keep-alive sockets must not hold the process open.
process.stdout.write('', () => process.exit(code));
