package handlers

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var messageRequests = promauto.NewCounterVec(prometheus.CounterOpts{
	Name: "message_requests_total",
	Help: "Requests to the message API, by route pattern and status code.",
}, []string{"route", "code"})

// ListMessages serves GET /api/user/:uid/message. The route label is the pattern
// ("/api/user/:uid/message"), so every user shares one series.
func ListMessages(c *gin.Context) {
	uid := c.Param("uid")
	c.JSON(http.StatusOK, gin.H{"user": uid, "messages": []string{}})
	messageRequests.WithLabelValues(c.FullPath(), strconv.Itoa(c.Writer.Status())).Inc()
}
