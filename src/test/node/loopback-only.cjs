'use strict';
// Preloaded with `node -r` by Switchboard's tests: every TCP server the process starts listens on
// 127.0.0.1 only, whatever host (or none) it asked for. Test MCP servers such as
// @modelcontextprotocol/server-everything otherwise bind every interface.
const net = require('node:net');

const LOOPBACK = '127.0.0.1';
const listen = net.Server.prototype.listen;

function isPort(value) {
  return typeof value === 'number' || (typeof value === 'string' && /^[0-9]+$/.test(value));
}

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const first = args[0];
  if (first !== null && typeof first === 'object') {
    // listen(options[, callback]); a pipe path, handle or descriptor is not a TCP address.
    if (first.path === undefined && first.handle === undefined && first.fd === undefined && !('_handle' in first)) {
      args[0] = Object.assign({}, first, { host: LOOPBACK });
    }
  } else if (args.length === 0 || first === undefined || first === null || typeof first === 'function') {
    // listen([callback]): any free port.
    const rest = first === undefined || first === null ? args.slice(1) : args;
    args = [0, LOOPBACK, ...rest];
  } else if (isPort(first)) {
    // listen(port[, host][, backlog][, callback])
    const rest = args.slice(1);
    if (typeof rest[0] === 'string' || rest[0] === undefined && rest.length > 0) {
      rest.shift();
    }
    args = [first, LOOPBACK, ...rest];
  }
  return listen.apply(this, args);
};
