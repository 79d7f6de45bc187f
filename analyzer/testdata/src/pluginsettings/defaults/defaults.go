// The plugin with no settings runs every rule.
package defaults

import (
	"context"

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
