// Interfaces that *mongo.Collection satisfies, the usual seam for mocks:
// their calls are checked like the driver's (v1).
package ifaceseamv1

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

// Coll is the seam: the driver's signatures, satisfied by *mongo.Collection.
type Coll interface {
	FindOne(ctx context.Context, filter interface{}, opts ...*options.FindOneOptions) *mongo.SingleResult
	UpdateOne(ctx context.Context, filter interface{}, update interface{}, opts ...*options.UpdateOptions) (*mongo.UpdateResult, error)
	ReplaceOne(ctx context.Context, filter interface{}, replacement interface{}, opts ...*options.ReplaceOptions) (*mongo.UpdateResult, error)
	FindOneAndUpdate(ctx context.Context, filter interface{}, update interface{}, opts ...*options.FindOneAndUpdateOptions) *mongo.SingleResult
}

var _ Coll = (*mongo.Collection)(nil)

type Item struct {
	ID  primitive.ObjectID `bson:"_id"`
	Qty int                `bson:"qty"`
}

func reserve(ctx context.Context, c Coll, id primitive.ObjectID) error {
	var it Item
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	_, err := c.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty - 1}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
	return err
}

func replace(ctx context.Context, c Coll, it Item) error {
	_, err := c.ReplaceOne(ctx, bson.M{"_id": it.ID}, it) // want `ReplaceOne replaces the whole document but its filter matches only "_id"`
	return err
}

func findAndSet(ctx context.Context, c Coll, id primitive.ObjectID) error {
	return c.FindOneAndUpdate(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 1}}).Err() // want `FindOneAndUpdate sets "qty" but its filter matches only "_id"`
}

func claim(ctx context.Context, c Coll, id primitive.ObjectID) error {
	_, err := c.UpdateOne(ctx, bson.M{"_id": id, "status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}}) // want `UpdateOne is conditional on "status" but its result is discarded`
	return err
}

func reserveIfAny(ctx context.Context, c Coll, id primitive.ObjectID) (bool, error) {
	res, err := c.UpdateOne(ctx, bson.M{"_id": id, "qty": bson.M{"$gt": 0}}, bson.M{"$inc": bson.M{"qty": -1}})
	if err != nil {
		return false, err
	}
	return res.ModifiedCount == 1, nil
}

// A v2-style signature does not match v1's method...
type LooseColl interface {
	UpdateOne(ctx context.Context, filter interface{}, update interface{}) (*mongo.UpdateResult, error)
}

// ...nor does an interface that *mongo.Collection does not satisfy.
type Repo interface {
	UpdateOne(ctx context.Context, filter interface{}, update interface{}, opts ...*options.UpdateOptions) (*mongo.UpdateResult, error)
	Close() error
}

func lookalikes(ctx context.Context, l LooseColl, r Repo, id primitive.ObjectID) {
	l.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 1}})
	r.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 1}})
}
