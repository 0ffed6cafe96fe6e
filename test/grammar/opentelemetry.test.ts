// SYNTAX TEST "source.ts" "OpenTelemetry instruments"
import { metrics } from '@opentelemetry/api';

const meter = metrics.getMeter('checkout');
const duration = meter.createHistogram('http.server.request.duration', { unit: 's' });
//                     ^^^^^^^^^^^^^^^ meta.metric.cardinal support.function.metric.cardinal
const active = meter.createUpDownCounter('http.server.active_requests');
//                   ^^^^^^^^^^^^^^^^^^^ support.function.metric.cardinal
const queue = meter.createObservableGauge('queue.depth');
//                  ^^^^^^^^^^^^^^^^^^^^^ support.function.metric.cardinal
const widget = factory.createWidget('x');
//                     ^^^^^^^^^^^^ - meta.metric.cardinal
