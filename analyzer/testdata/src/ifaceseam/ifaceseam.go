// Interfaces that *mongo.Collection satisfies, the usual seam for mocks:
// their calls are checked like the driver's (v2).
package ifaceseam

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// Coll is the seam: the driver's signatures, satisfied by *mongo.Collection.
type Coll interface {
	FindOne(ctx context.Context, filter any, opts ...options.Lister[options.FindOneOptions]) *mongo.SingleResult
	UpdateOne(ctx context.Context, filter any, update any, opts ...options.Lister[options.UpdateOneOptions]) (*mongo.UpdateResult, error)
	ReplaceOne(ctx context.Context, filter any, replacement any, opts ...options.Lister[options.ReplaceOptions]) (*mongo.UpdateResult, error)
	FindOneAndUpdate(ctx context.Context, filter any, update any, opts ...options.Lister[options.FindOneAndUpdateOptions]) *mongo.SingleResult
}

var _ Coll = (*mongo.Collection)(nil)

// Updater is embedded in a larger interface.
type Updater interface {
	UpdateByID(ctx context.Context, id any, update any, opts ...options.Lister[options.UpdateOneOptions]) (*mongo.UpdateResult, error)
}

type Store interface {
	Updater
	Name() string
}

type Item struct {
	ID   bson.ObjectID `bson:"_id"`
	Qty  int           `bson:"qty"`
	Name string        `bson:"name"`
}

func reserve(ctx context.Context, c Coll, id bson.ObjectID) error {
	var it Item
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	_, err := c.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty - 1}}) // want `UpdateOne sets "qty" but its filter matches only "_id"`
	return err
}

func rename(ctx context.Context, c Coll, id bson.ObjectID, name string) error {
	filter := bson.M{"_id": id}
	update := bson.M{"$set": bson.M{"name": name}}
	_, err := c.UpdateOne(ctx, filter, update) // want `UpdateOne sets "name" but its filter matches only "_id"`
	return err
}

func replace(ctx context.Context, c Coll, it Item) error {
	_, err := c.ReplaceOne(ctx, bson.M{"_id": it.ID}, it) // want `ReplaceOne replaces the whole document but its filter matches only "_id"`
	return err
}

func findAndSet(ctx context.Context, c Coll, id bson.ObjectID) error {
	return c.FindOneAndUpdate(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": 1}}).Err() // want `FindOneAndUpdate sets "qty" but its filter matches only "_id"`
}

func embedded(ctx context.Context, s Store, id bson.ObjectID) error {
	_, err := s.UpdateByID(ctx, id, bson.M{"$set": bson.M{"name": "x"}}) // want `UpdateByID sets "name" but its filter matches only "_id"`
	return err
}

// A generic function constrained by the seam.
func generic[C Coll](ctx context.Context, c C, id bson.ObjectID) error {
	_, err := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"name": "x"}}) // want `UpdateOne sets "name" but its filter matches only "_id"`
	return err
}

// Guarded writes through the seam are not reported...
func guarded(ctx context.Context, c Coll, id bson.ObjectID, v int) (bool, error) {
	res, err := c.UpdateOne(ctx, bson.M{"_id": id, "version": v}, bson.M{"$set": bson.M{"name": "x"}, "$inc": bson.M{"version": 1}})
	if err != nil {
		return false, err
	}
	return res.MatchedCount == 1, nil
}

// ...but their result must be checked.
func claim(ctx context.Context, c Coll, id bson.ObjectID) error {
	_, err := c.UpdateOne(ctx, bson.M{"_id": id, "status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}}) // want `UpdateOne is conditional on "status" but its result is discarded`
	return err
}

func next(ctx context.Context, c Coll) Item {
	var it Item
	c.FindOneAndUpdate(ctx, bson.M{"qty": bson.M{"$gt": 0}}, bson.M{"$inc": bson.M{"qty": -1}}).Decode(&it) // want `FindOneAndUpdate is conditional on "qty" but the error of Decode is dropped`
	return it
}

// Look-alikes: a method whose signature differs from the driver's...
type LooseColl interface {
	UpdateOne(ctx context.Context, filter any, update any) (*mongo.UpdateResult, error)
	ReplaceOne(ctx context.Context, filter, replacement bson.M, opts ...options.Lister[options.ReplaceOptions]) (*mongo.UpdateResult, error)
}

// ...or an interface that *mongo.Collection does not satisfy...
type Repo interface {
	UpdateOne(ctx context.Context, filter any, update any, opts ...options.Lister[options.UpdateOneOptions]) (*mongo.UpdateResult, error)
	Save(ctx context.Context, it Item) error
}

// ...or that returns something else.
type Counter interface {
	UpdateOne(ctx context.Context, filter any, update any) (int64, error)
}

func lookalikes(ctx context.Context, l LooseColl, r Repo, n Counter, id bson.ObjectID) {
	l.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"name": "x"}})
	l.ReplaceOne(ctx, bson.M{"_id": id}, bson.M{"name": "x"})
	r.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"name": "x"}})
	n.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"name": "x"}})
}
