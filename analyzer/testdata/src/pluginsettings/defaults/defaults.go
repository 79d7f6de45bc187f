// The plugin with no settings runs every rule.
package defaults

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

func rename(ctx context.Context, c *mongo.Collection, id bson.ObjectID, name string) error {
	_, err := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"name": name}}) // want `UpdateOne sets "name"`
	return err
}

func publish(ctx context.Context, c *mongo.Collection, id bson.ObjectID) error {
	_, err := c.UpdateOne(ctx, bson.M{"_id": id, "state": "draft"}, bson.M{"$set": bson.M{"state": "published"}}) // want `UpdateOne is conditional on "state"`
	return err
}

type Legacy struct {
	ID      bson.ObjectID `bson:"_id"`
	Body    string        `bson:"body"`
	Version int64         `bson:"version"`
}

// version is a default version field: a filter on it is a version guard,
// whatever version fields another plugin was built with.
func replaceVersioned(ctx context.Context, c *mongo.Collection, id bson.ObjectID, body string) error {
	var l Legacy
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&l); err != nil {
		return err
	}
	v := l.Version
	l.Version++
	l.Body = body
	res, err := c.ReplaceOne(ctx, bson.M{"_id": l.ID, "version": v}, l)
	if err == nil && res.MatchedCount == 0 {
		return errors.New("changed since read")
	}
	return err
}
