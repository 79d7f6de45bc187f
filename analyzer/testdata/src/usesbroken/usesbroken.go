// Imports a package with a type error.
package usesbroken

import (
	"context"

	"brokendep"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

func rename(ctx context.Context, c *mongo.Collection, id bson.ObjectID, name string) {
	c.UpdateOne(ctx, brokendep.ByID(id), bson.M{"$set": bson.M{"name": name}}) // want `UpdateOne sets "name" but its filter matches only "_id"`
}
