#!/usr/bin/env node
// CommonJS (bin/package.json): the start loads no ES module loader. The entry picks the command's bundle.
require('../dist/cli-bundle/exchcert.cjs');
