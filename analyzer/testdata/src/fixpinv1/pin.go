package fixpinv1

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
)

var ErrSoldOut = errors.New("sold out")

type Product struct {
	ID     primitive.ObjectID `bson:"_id"`
	Stock  int                `bson:"stock"`
	Status string             `bson:"status"`
	Name   string             `bson:"name"`
}

// The new stock is computed in a local variable: the fix is $inc, as for
// p.Stock - k written inline, and the variable goes.
func buy(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, k int) error {
	var p Product
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&p); err != nil {
		return err
	}
	if p.Stock < k {
		return ErrSoldOut
	}
	n := p.Stock - k
	_, err := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"stock": n}}) // want `read-modify-write: UpdateOne sets "stock" but its filter matches only "_id"`
	return err
}

// A range test of the field does not pin the value read: two buyers that
// read the same stock both pass {$gte: k} and both write the same n.
func buyRanged(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, k int) error {
	var p Product
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&p); err != nil {
		return err
	}
	n := p.Stock - k
	_, err := c.UpdateOne(ctx, bson.M{"_id": id, "stock": bson.M{"$gte": k}}, bson.M{"$set": bson.M{"stock": n}}) // want `UpdateOne sets "stock" but its filter matches only "_id", "stock"; its test of "stock" is a range, which does not pin the value read`
	if err != nil {
		return err
	}
	return nil
}

// The same with the value inline, and a test with $in.
func rename(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) error {
	var p Product
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&p); err != nil {
		return err
	}
	_, err := c.UpdateOne(ctx, bson.M{"_id": id, "name": bson.M{"$ne": ""}}, bson.M{"$set": bson.M{"name": p.Name + "!"}}) // want `its test of "name" is a range, which does not pin the value read`
	return err
}

// These stay guards: an equality with the value read...
func pinned(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, k int) (bool, error) {
	var p Product
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&p); err != nil {
		return false, err
	}
	res, err := c.UpdateOne(ctx, bson.M{"_id": id, "stock": p.Stock}, bson.M{"$set": bson.M{"stock": p.Stock - k}})
	if err != nil {
		return false, err
	}
	return res.MatchedCount == 1, nil
}

// ...a state transition to a constant...
func transition(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) (bool, error) {
	res, err := c.UpdateOne(ctx, bson.M{"_id": id, "status": bson.M{"$in": bson.A{"NEW", "HELD"}}}, bson.M{"$set": bson.M{"status": "DONE"}})
	if err != nil {
		return false, err
	}
	return res.ModifiedCount == 1, nil
}

// ...and $inc under a range test, applied to the current value.
func decrement(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, k int) (bool, error) {
	res, err := c.UpdateOne(ctx, bson.M{"_id": id, "stock": bson.M{"$gte": k}}, bson.M{"$inc": bson.M{"stock": -k}})
	if err != nil {
		return false, err
	}
	return res.MatchedCount == 1, nil
}
