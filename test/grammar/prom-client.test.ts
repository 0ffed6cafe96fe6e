// SYNTAX TEST "source.ts" "prom-client declarations and label names"
import { Histogram } from 'prom-client';

const reqDuration = new Histogram({
//                  ^^^^^^^^^^^^^ meta.metric.cardinal
//                      ^^^^^^^^^ support.class.metric.cardinal
  name: 'http_request_duration_seconds',
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.single.ts - string.label-name.cardinal
  help: 'Duration of HTTP requests',
  labelNames: ['status', "endpoint", 'method'] as const,
//              ^^^^^^ string.label-name.cardinal
//             ^ punctuation.definition.string.begin.cardinal
//                        ^^^^^^^^ string.label-name.cardinal
//                                    ^^^^^^ string.label-name.cardinal
//                                                ^^^^^ storage.modifier.ts
});

const hits = new client.Counter<'route'>({ name: 'hits_total', help: 'h', labelNames: ['route'] });
//           ^^^^^^^^^^^^^^^^^^ meta.metric.cardinal
//               ^^^^^^ variable.other.object.cardinal
//                      ^^^^^^^ support.class.metric.cardinal
//                             ^^^^^^^^^ meta.type.parameters.ts
//                                                                                     ^^^^^ string.label-name.cardinal

const labelNamesOnTwoLines = new Gauge({
  name: 'queue_depth',
  help: 'Jobs waiting',
  labelNames: [
    // one label per queue
//  ^^^^^^^^^^^^^^^^^^^^^^ comment.line.double-slash.ts
    'queue',
//   ^^^^^ string.label-name.cardinal
  ],
});

export function record(status: string, endpoint: string, method: string, code: number) {
  reqDuration.labels({ status: String(code), endpoint, 'method': method }).observe(1);
//                   ^ meta.labels.cardinal
//                     ^^^^^^ entity.name.label.cardinal
//                             ^^^^^^ entity.name.function.ts - entity.name.label.cardinal
//                                           ^^^^^^^^ entity.name.label.cardinal
//                                                      ^^^^^^ string.label-name.cardinal
//                                                               ^^^^^^ variable.other.readwrite.ts - entity.name.label.cardinal
  hits.inc({ route: endpoint }, 2);
//           ^^^^^ entity.name.label.cardinal
  reqDuration.observe({ status }, 0.2);
//                      ^^^^^^ entity.name.label.cardinal
  const end = reqDuration.startTimer({
    method,
//  ^^^^^^ entity.name.label.cardinal
    status: status.toLowerCase(),
//  ^^^^^^ entity.name.label.cardinal
//          ^^^^^^ - entity.name.label.cardinal
  });
  end({ endpoint });
}

// Not metrics: other constructors, other objects, label-like words in comments and strings.
const cache = new Map<string, number>();
//            ^^^^^^^^^^^^^^^^^^^^^^^^ - meta.metric.cardinal
const options = { status: 200, labelNames: 'not an array' };
//                ^^^^^^ - entity.name.label.cardinal
//                                         ^^^^^^^^^^^^^^ - string.label-name.cardinal
configure({ endpoint: '/users' });
//          ^^^^^^^^ - entity.name.label.cardinal
// new Histogram({ labelNames: ['status'] })
//                              ^^^^^^ - string.label-name.cardinal
const text = "hits.labels({ status })";
//                          ^^^^^^ - entity.name.label.cardinal
