// SYNTAX TEST "source.go" "client_golang collectors and label names"
package middlewares

var reqDuration = promauto.NewHistogramVec(prometheus.HistogramOpts{
//                ^^^^^^^^^^^^^^^^^^^^^^^^^ meta.metric.cardinal
//                         ^^^^^^^^^^^^^^^ support.function.metric.cardinal
    Name:    "http_request_duration_seconds",
//           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.metric.cardinal string.quoted.double.go - string.label-name.cardinal
    Buckets: prometheus.ExponentialBuckets(0.01, 2, 10),
}, []string{"status", "endpoint", `method`})
//           ^^^^^^ meta.metric.cardinal string.label-name.cardinal
//                     ^^^^^^^^ string.label-name.cardinal
//                                 ^^^^^^ string.label-name.cardinal

var hits = prometheus.NewCounterVec(
//         ^^^^^^^^^^^^^^^^^^^^^^^^ meta.metric.cardinal
    prometheus.CounterOpts{Name: "hits_total", Help: "Hits."},
    []string{
        // the matched route pattern
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.double-slash.go
        "route",
//       ^^^^^ string.label-name.cardinal
    },
)

var errors = promauto.With(reg).NewCounterVec(opts, []string{"code"})
//                              ^^^^^^^^^^^^^ support.function.metric.cardinal
//                                                            ^^^^ string.label-name.cardinal

var up = prometheus.NewGauge(prometheus.GaugeOpts{Name: "up"})
//       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.metric.cardinal

func handle(c *gin.Context) {
    reqDuration.With(prometheus.Labels{"status": "200", "endpoint": c.FullPath()}).Observe(1)
//                                      ^^^^^^ string.label-name.cardinal
//                                                ^^^ - string.label-name.cardinal
//                                                       ^^^^^^^^ string.label-name.cardinal
    names := []string{"not", "labels"}
//                     ^^^ string.quoted.double.go - string.label-name.cardinal
}
