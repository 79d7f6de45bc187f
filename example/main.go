// Command example wires the example services to a MongoDB deployment. It
// exists so that the example module builds as a whole; it is not meant to
// be run as part of the linter's tests.
package main

import (
	"context"
	"log"
	"os"

	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/mongocas/mongocas-lint/example/inventory"
	"github.com/mongocas/mongocas-lint/example/profile"
	"github.com/mongocas/mongocas-lint/example/tasks"
)

func main() {
	client, err := mongo.Connect(options.Client().ApplyURI(os.Getenv("MONGODB_URI")))
	if err != nil {
		log.Fatalf("connect: %v", err)
	}
	ctx := context.Background()
	defer func() {
		if err := client.Disconnect(ctx); err != nil {
			log.Printf("disconnect: %v", err)
		}
	}()

	db := client.Database("mongocas_example")
	worker := tasks.NewWorker(db.Collection("tasks"))
	store := inventory.NewStore(db.Collection("items"))
	profiles := profile.NewService(db.Collection("profiles"))

	if err := store.ReserveAtomic(ctx, "SKU-1"); err != nil {
		log.Printf("reserve: %v", err)
	}
	t, err := worker.NextTask(ctx)
	if err != nil {
		log.Printf("next task: %v", err)
		return
	}
	if err := profiles.Touch(ctx, t.ID); err != nil {
		log.Printf("touch: %v", err)
	}
}
