#!/usr/bin/env node
// A committed launcher, so installing the workspace links a file that exists before the first build.
import '../dist/bin.js';
