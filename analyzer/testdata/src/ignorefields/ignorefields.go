// With -ignore-fields=updatedAt,lastSeen, those fields are last-write-wins
// by design.
package ignorefields

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

func touch(ctx context.Context, c *mongo.Collection, id bson.ObjectID, name string) {
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"updatedAt": time.Now()}})
	c.UpdateByID(ctx, id, bson.M{"$set": bson.M{"lastSeen.web": time.Now()}})
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"name": name, "updatedAt": time.Now()}}) // want `UpdateOne sets "name" but`
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"updatedat": time.Now()}})               // want `UpdateOne sets "updatedat" but`
}
