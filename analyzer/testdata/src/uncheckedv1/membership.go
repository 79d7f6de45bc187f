package uncheckedv1

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
)

// An update that only adds or removes the array element its filter tests
// loses nothing when it matches nothing: another writer made the same
// change first.
func membership(ctx context.Context, c *mongo.Collection, id, item primitive.ObjectID, user string) {
	c.UpdateOne(ctx, bson.M{"_id": id, "items._id": item}, bson.M{"$pull": bson.M{"items": bson.M{"_id": item}}})
	c.UpdateOne(ctx, bson.M{"_id": id, "members": bson.M{"$ne": user}}, bson.M{"$push": bson.M{"members": user}})
	c.UpdateOne(ctx, bson.M{"_id": id, "items._id": item}, bson.M{"$pull": bson.M{"items": bson.M{"_id": item}}, "$addToSet": bson.M{"seen": user}})

	// A test of one of the array's values is a compare-and-swap.
	c.UpdateOne(ctx, bson.M{"_id": id, "tags": "old"}, bson.M{"$push": bson.M{"tags": "new"}}) // want `UpdateOne is conditional on "tags" but its result is discarded`
	// So is one whose update also sets a field.
	c.UpdateOne(ctx, bson.M{"_id": id, "members": bson.M{"$ne": user}}, bson.M{"$push": bson.M{"members": user}, "$set": bson.M{"owner": user}}) // want `UpdateOne is conditional on "members" but its result is discarded`

	// A test of the array's size is a compare-and-swap on its length.
	c.UpdateOne(ctx, bson.M{"_id": id, "members": bson.M{"$size": 3}}, bson.M{"$push": bson.M{"members": user}}) // want `UpdateOne is conditional on "members" but its result is discarded`
	// The element's removal comes with a change of a guarded counter.
	c.UpdateOne(ctx, bson.M{"_id": id, "items._id": item, "count": 2}, bson.M{"$pull": bson.M{"items": bson.M{"_id": item}}, "$inc": bson.M{"count": -1}}) // want `UpdateOne is conditional on "items._id", "count" but its result is discarded`
	// A field of the element set in place is a change of its value.
	c.UpdateOne(ctx, bson.M{"_id": id, "items._id": item, "items.state": "open"}, bson.M{"$set": bson.M{"items.$.state": "closed"}}) // want `UpdateOne is conditional on "items.state" but its result is discarded`
}
