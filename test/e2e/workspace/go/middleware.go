package middlewares

import (
	"fmt"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var reqDuration = promauto.NewHistogramVec(prometheus.HistogramOpts{
	Name: "http_request_duration_seconds",
	Help: "Duration of HTTP requests in seconds",
}, []string{"status", "endpoint", "method"})

// PromMiddleware is the gin middleware from the incident report: the endpoint label is the raw URL
// path, so every user id under /api/user/:uid/message becomes a time series of its own.
func PromMiddleware() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		status := fmt.Sprintf("%d", c.Writer.Status())
		endpoint := c.Request.URL.Path
		method := c.Request.Method
		lvs := []string{status, endpoint, method}
		reqDuration.WithLabelValues(lvs...).Observe(time.Since(start).Seconds())
	}
}
