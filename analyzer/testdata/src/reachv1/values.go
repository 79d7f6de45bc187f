package reachv1

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
)

type stock struct {
	ID  primitive.ObjectID `bson:"_id"`
	Qty int                `bson:"qty"`
}

// The value read reaches the update through a local variable written in
// the literal.
func valueThroughLocal(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) error {
	var s stock
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&s); err != nil {
		return err
	}
	n := s.Qty - 1
	_, err := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": n}}) // want `^read-modify-write: UpdateOne sets "qty"`
	return err
}

// The value read is added to the $set document after the literal.
func valueAddedLater(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) error {
	var s stock
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&s); err != nil {
		return err
	}
	set := bson.M{}
	set["qty"] = s.Qty - 1
	_, err := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": set}) // want `^read-modify-write: UpdateOne sets "qty"`
	return err
}
