package contained

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// The test makes the rules panic on the update of "broken": that call is
// skipped, and the calls around it are still reported.
func updates(ctx context.Context, c *mongo.Collection, id bson.ObjectID) {
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"before": 1}}) // want `UpdateOne sets "before"`
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"broken": 1}})
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"after": 1}}) // want `UpdateOne sets "after"`
}
