package main

import (
	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"example.com/go-gin/handlers"
	"example.com/go-gin/middlewares"
)

func main() {
	router := gin.New()
	router.Use(middlewares.PromMiddleware(nil))
	router.GET("/api/user/:uid/message", handlers.ListMessages)
	router.GET("/metrics", gin.WrapH(promhttp.Handler()))
	_ = router.Run(":8080")
}
