// Preloaded with `node --require` (NODE_OPTIONS) to reproduce an install whose
// scripts were blocked: the nodejieba package is there, its compiled binding is
// not. nodejieba then throws its own "native binding was not found" error.
const Module = require('node:module');

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (/nodejieba[\\/]build[\\/]Release[\\/]nodejieba\.node$/.test(request)) {
    const err = new Error(`Cannot find module '${request}'`);
    err.code = 'MODULE_NOT_FOUND';
    throw err;
  }
  return resolve.call(this, request, ...rest);
};
