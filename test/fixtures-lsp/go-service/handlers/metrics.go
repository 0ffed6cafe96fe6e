package handlers

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

var userRequests = promauto.NewCounterVec(prometheus.CounterOpts{
	Name: "user_requests_total",
	Help: "Requests per user.",
}, []string{"user"})
