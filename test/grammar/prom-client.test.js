// SYNTAX TEST "source.js" "prom-client in plain JavaScript"
const client = require('prom-client');

const reqDuration = new client.Histogram({
//                  ^^^^^^^^^^^^^^^^^^^^ meta.metric.cardinal
//                             ^^^^^^^^^ support.class.metric.cardinal
  name: 'http_request_duration_seconds',
  help: 'Duration of HTTP requests',
  labelNames: ['status', 'endpoint', 'method'],
//              ^^^^^^ string.label-name.cardinal
});

module.exports = (req, res, next) => {
  reqDuration.labels({ endpoint: req.path }).observe(1);
//                     ^^^^^^^^ entity.name.label.cardinal
//                               ^^^ - entity.name.label.cardinal
  next();
};
