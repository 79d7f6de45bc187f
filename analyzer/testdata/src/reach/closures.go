package reach

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

func withRetry(f func() error) error { return f() }

// A write in a closure handed to a retry helper reads the documents the
// closure captured.
func retried(ctx context.Context, c *mongo.Collection, id bson.ObjectID) error {
	filter := bson.M{"_id": id}
	update := bson.M{"$set": bson.M{"a": 1}}
	return withRetry(func() error {
		_, err := c.UpdateOne(ctx, filter, update) // want `UpdateOne sets "a" but its filter matches only "_id"`
		return err
	})
}

// Built in branches before the closure is made.
func retriedBranches(ctx context.Context, c *mongo.Collection, id bson.ObjectID, tenant string) error {
	filter := bson.M{"_id": id}
	if tenant != "" {
		filter["tenant"] = tenant
	}
	return withRetry(func() error {
		_, err := c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"a": 1}}) // want `UpdateOne sets "a" but its filter matches only "_id", "tenant"`
		return err
	})
}

// Changed after the closure is made: the closure may run after the change.
func changedAfterClosure(ctx context.Context, c *mongo.Collection, id bson.ObjectID) {
	filter := bson.M{"_id": id}
	f := func() { c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"a": 1}}) }
	filter["a"] = 0
	f()
}

// Changed by a closure: it may run at any time.
func changedInClosure(ctx context.Context, c *mongo.Collection, id bson.ObjectID) {
	filter := bson.M{"_id": id}
	guard := func() { filter["a"] = 0 }
	guard()
	c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"a": 1}})
}
