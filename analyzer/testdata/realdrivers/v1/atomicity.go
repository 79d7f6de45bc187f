package v1

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
)

// One case each of stale-write-back, insert-if-absent and check-then-act.

type Order struct {
	ID     primitive.ObjectID `bson:"_id"`
	Status string             `bson:"status"`
	Total  int                `bson:"total"`
}

var errLost = errors.New("lost the race")

func Pay(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) error {
	var o Order
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&o); err != nil {
		return err
	}
	old := o.Status
	o.Status = "PAID"
	res, err := c.ReplaceOne(ctx, bson.M{"_id": o.ID, "status": old}, o) // want `ReplaceOne writes back the whole document o read by FindOne, but its filter checks only "status": a change another writer made to "total"`
	if err != nil {
		return err
	}
	if res.MatchedCount == 0 {
		return errLost
	}
	return nil
}

func Register(ctx context.Context, c *mongo.Collection, email string) error {
	err := c.FindOne(ctx, bson.M{"email": email}).Err()
	if !errors.Is(err, mongo.ErrNoDocuments) {
		return err
	}
	_, err = c.InsertOne(ctx, bson.M{"email": email}) // want `InsertOne runs when FindOne on the same collection found no document`
	return err
}

func Buy(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) error {
	var it Item
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	if it.Qty <= 0 {
		return errLost
	}
	_, err := c.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$inc": bson.M{"qty": -1}}) // want `UpdateOne changes "qty", which this code tested before \(it.Qty <= 0\)`
	return err
}
