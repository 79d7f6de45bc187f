package helpersuse

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"helpersdep"
)

// Keys that helpers of another package compute under a known field.
func seats(ctx context.Context, c *mongo.Collection, id bson.ObjectID, pos int, intent string) {
	c.UpdateOne(ctx, bson.M{"_id": id, "deciding": bson.M{"$ne": pos}}, bson.M{"$set": bson.M{helpersdep.SeatPath(pos) + ".intent": intent}}) // want `UpdateOne sets "seats" but its filter matches only "_id", "deciding"`
	c.UpdateOne(ctx, bson.M{"_id": id, "version": 3}, bson.M{"$set": helpersdep.SeatStatus(pos, "ready")})                                    // want `UpdateOne sets "seats" but its filter matches only "_id", "version"`
	c.UpdateOne(ctx, bson.M{"_id": id, "deciding": pos}, bson.D{{Key: "$set", Value: bson.D{{Key: helpersdep.SlotKey(pos), Value: intent}}}}) // want `UpdateOne sets "slots" but its filter matches only "_id", "deciding"`
	// The slot tested and set: a compare-and-swap.
	c.UpdateOne(ctx, bson.M{"_id": id, helpersdep.SlotKey(pos): nil}, bson.M{"$set": bson.M{helpersdep.SlotKey(pos): intent}}) // want `UpdateOne is conditional on "slots" but its result is discarded`
	// A path whose first field is not known may be the one tested.
	c.UpdateOne(ctx, bson.M{"_id": id, "deciding": pos}, bson.M{"$set": bson.M{helpersdep.AnyPath("seats", pos): intent}})
}
