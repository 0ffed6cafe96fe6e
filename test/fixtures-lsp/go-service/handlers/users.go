package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// GetUser counts requests by the user id of the path: one series per user.
func GetUser(c *gin.Context) {
	userRequests.WithLabelValues(c.Param("id")).Inc()
	c.Status(http.StatusOK)
}
