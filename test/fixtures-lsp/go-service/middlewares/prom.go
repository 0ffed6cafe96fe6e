// The middleware of the incident report (an OOM from one series per user id), verbatim.
package middlewares

import (
	"fmt"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

// PromOpts configures PromMiddleware.
type PromOpts struct {
	IncludeEndpoint string
}

var defaultPromOpts = &PromOpts{}

var reqDuration = promauto.NewHistogramVec(prometheus.HistogramOpts{
	Name: "http_request_duration_seconds",
	Help: "HTTP request latency.",
}, []string{"status", "endpoint", "method"})

func (o *PromOpts) checkIncludeLabel(endpoint, prefix string) bool {
	return strings.HasPrefix(endpoint, prefix)
}

// PromMiddleware returns a gin.HandlerFunc for exporting some Web metrics
func PromMiddleware(promOpts *PromOpts) gin.HandlerFunc {
	// make sure promOpts is not nil
	if promOpts == nil {
		promOpts = defaultPromOpts
	}
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		status := fmt.Sprintf("%d", c.Writer.Status())
		endpoint := c.Request.URL.Path // 问题在这里,指标取了URL,URL如果是"/api/user/:uid/message",那就是每个用户一个监控指标
		method := c.Request.Method
		lvs := []string{status, endpoint, method}
		if !promOpts.checkIncludeLabel(endpoint, promOpts.IncludeEndpoint) {
			return
		}
		reqDuration.WithLabelValues(lvs...).Observe(time.Since(start).Seconds())
	}
}
