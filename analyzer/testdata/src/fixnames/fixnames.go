package fixnames

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// Fixes that bind a result pick names that clash with nothing declared
// later in the block, nor with each other when all are applied at once.
func twoInOneBlock(ctx context.Context, c *mongo.Collection, id any) error {
	c.UpdateOne(ctx, bson.M{"_id": id, "status": "new"}, bson.M{"$set": bson.M{"status": "done"}}) // want `UpdateOne is conditional on "status" but its result is discarded`
	c.UpdateOne(ctx, bson.M{"_id": id, "rev": 1}, bson.M{"$set": bson.M{"rev": 2}})                // want `UpdateOne is conditional on "rev" but its result is discarded`
	res, err := c.UpdateByID(ctx, id, bson.M{"$inc": bson.M{"n": 1}})
	_ = res
	return err
}

// A new err in a nested block must not hide the outer err that the block
// assigns afterwards.
func outerErrUsedLater(ctx context.Context, c *mongo.Collection, id any, retry func() error) error {
	var err error
	if id != nil {
		c.UpdateOne(ctx, bson.M{"_id": id, "status": "new"}, bson.M{"$set": bson.M{"status": "done"}}) // want `UpdateOne is conditional on "status" but its result is discarded`
		err = retry()
	}
	return err
}

// The error dropped by res, _ := gets a name that the err declared later
// in the block does not clash with.
func droppedError(ctx context.Context, c *mongo.Collection, id any, ping func() error) error {
	res, _ := c.UpdateOne(ctx, bson.M{"_id": id, "status": "new"}, bson.M{"$set": bson.M{"status": "done"}}) // want `UpdateOne is conditional on "status" but`
	_ = res.UpsertedID
	err := ping()
	return err
}
