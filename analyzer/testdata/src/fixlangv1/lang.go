package fixlangv1

import (
	"context"
	"errors"
	"fmt"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
)

var (
	ErrNotFound = errors.New("not found")
	ErrConflict = errors.New("conflict")
)

// claimTask returns (bool, error): a lost race is false, nil.
func claimTask(ctx context.Context, tasks *mongo.Collection, id primitive.ObjectID) (bool, error) {
	_, err := tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}}) // want `UpdateOne is conditional on "status" but its result is discarded`
	if err != nil {
		return false, err
	}
	return true, nil
}

// The function returns the package's errors elsewhere, wrapped: a lost
// race is its conflict error, wrapped the same way.
func rename(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, version int, name string) error {
	if name == "" {
		return fmt.Errorf("rename %s: %w", id.Hex(), ErrNotFound)
	}
	if version < 0 {
		return fmt.Errorf("rename %s: %w", id.Hex(), ErrConflict)
	}
	_, err := c.UpdateOne(ctx, bson.M{"_id": id, "version": version}, bson.M{"$set": bson.M{"name": name}, "$inc": bson.M{"version": 1}}) // want `UpdateOne is conditional on "version" but its result is discarded`
	return err
}

// Returned as it is: a lost race is that error.
func archive(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) (*bson.M, error) {
	if id.IsZero() {
		return nil, ErrNotFound
	}
	_, err := c.UpdateOne(ctx, bson.M{"_id": id, "archived": false}, bson.M{"$set": bson.M{"archived": true}}) // want `UpdateOne is conditional on "archived" but its result is discarded`
	if err != nil {
		return nil, err
	}
	return &bson.M{}, nil
}

// No error of the package's own: a new one, as the last resort.
func release(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) error {
	_, err := c.UpdateOne(ctx, bson.M{"_id": id, "locked": true}, bson.M{"$set": bson.M{"locked": false}}) // want `UpdateOne is conditional on "locked" but its result is discarded`
	return err
}
