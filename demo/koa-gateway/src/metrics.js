const client = require('prom-client');

const requestsByRoute = new client.Counter({
  name: 'gateway_requests_total',
  help: 'Requests through the gateway by matched route',
  labelNames: ['route', 'method'],
});

const requestsByClient = new client.Counter({
  name: 'gateway_requests_by_client_total',
  help: 'Requests by client software',
  labelNames: ['client'],
});

const upstreamCalls = new client.Counter({
  name: 'gateway_upstream_calls_total',
  help: 'Calls to upstream services',
  labelNames: ['upstream', 'route'],
});

/** The team's wrapper around the upstream counter; declared as a sink in cardinal.config.json. */
function recordUpstream(upstream, route) {
  upstreamCalls.inc({ upstream, route });
}

module.exports = { requestsByRoute, requestsByClient, recordUpstream };
