package reachv1

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"

	"reachv1dep"
)

// Keys that helpers of another package compute under a known field.
func seats(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, pos int, intent string) {
	c.UpdateOne(ctx, bson.M{"_id": id, "deciding": bson.M{"$ne": pos}}, bson.M{"$set": bson.M{reachv1dep.SeatPath(pos) + ".intent": intent}}) // want `UpdateOne sets "seats" but its filter matches only "_id", "deciding"`
	c.UpdateOne(ctx, bson.D{{"_id", id}, {"version", 3}}, bson.D{{"$set", reachv1dep.SeatStatus(pos, "ready")}})                              // want `UpdateOne sets "seats" but its filter matches only "_id", "version"`
	// The slot tested and set: a compare-and-swap.
	c.UpdateOne(ctx, bson.M{"_id": id, reachv1dep.SlotKey(pos): nil}, bson.M{"$set": bson.M{reachv1dep.SlotKey(pos): intent}}) // want `UpdateOne is conditional on "slots" but its result is discarded`
}
