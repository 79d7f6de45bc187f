package reach

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// A collection wrapper that bounds the context it is given (reassigning
// the parameter, which no summary reads) and is passed a pointer to the
// update.
type boundedColl struct {
	coll    *mongo.Collection
	timeout time.Duration
}

func (b *boundedColl) UpdateOneWithContext(ctx context.Context, filter, update any) (*mongo.UpdateResult, error) { // want UpdateOneWithContext:`wrapper UpdateOne filter \$1 update \$2 result returned`
	ctx, cancel := context.WithTimeout(ctx, b.timeout)
	defer cancel()
	return b.coll.UpdateOne(ctx, filter, update)
}

func bounded(ctx context.Context, b *boundedColl, id bson.ObjectID, name string) error {
	filter := bson.D{{Key: "_id", Value: id}}
	update := bson.D{{Key: "$set", Value: bson.D{{Key: "name", Value: name}}}}
	_, err := b.UpdateOneWithContext(ctx, filter, &update) // want `\(UpdateOne\) sets "name" but its filter matches only "_id"`
	return err
}

// A pointer given to a function that may keep it or write through it
// leaves the document unknown.
func keptPointer(ctx context.Context, b *boundedColl, id bson.ObjectID, name string) error {
	update := bson.D{{Key: "$set", Value: bson.D{{Key: "name", Value: name}}}}
	keep(&update)
	_, err := b.UpdateOneWithContext(ctx, bson.D{{Key: "_id", Value: id}}, &update)
	return err
}

var kept *bson.D

func keep(d *bson.D) { kept = d }
