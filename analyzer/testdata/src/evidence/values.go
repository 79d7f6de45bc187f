package evidence

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// The value read reaches the update through a local variable written in
// the literal: reading the literal follows the variable.
func valueThroughLocal(ctx context.Context, c *mongo.Collection, id bson.ObjectID) error {
	var it Item
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	n := it.Qty - 1
	_, err := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": n}}) // want `^read-modify-write: UpdateOne sets "qty"`
	return err
}

// The value read is added to the $set document after the literal: it is
// not in the update as written at the call, only among the values set.
func valueAddedLater(ctx context.Context, c *mongo.Collection, id bson.ObjectID) error {
	var it Item
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	set := bson.M{}
	set["qty"] = it.Qty - 1
	_, err := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": set}) // want `^read-modify-write: UpdateOne sets "qty"`
	return err
}
