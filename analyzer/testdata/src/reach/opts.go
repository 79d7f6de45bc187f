package reach

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// Options passed on as opts... leave the filter and the update plain
// arguments.
func withOpts(ctx context.Context, c *mongo.Collection, id bson.ObjectID, opts ...options.Lister[options.UpdateOneOptions]) {
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"name": "x"}}, opts...) // want `UpdateOne sets "name" but its filter matches only "_id"`
}

// A repository that forwards its options is a wrapper.
type Store struct{ c *mongo.Collection }

func (s *Store) Update(ctx context.Context, filter, update any, opts ...options.Lister[options.UpdateOneOptions]) error { // want Update:`wrapper UpdateOne filter \$1 update \$2 result dropped`
	_, err := s.c.UpdateOne(ctx, filter, update, opts...)
	return err
}

func useStore(ctx context.Context, s *Store, id bson.ObjectID, opts []options.Lister[options.UpdateOneOptions]) {
	s.Update(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"name": "x"}})                         // want `Store.Update \(UpdateOne\) sets "name" but its filter matches only "_id"`
	s.Update(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"name": "y"}}, opts...)                // want `Store.Update \(UpdateOne\) sets "name" but its filter matches only "_id"`
	s.Update(ctx, bson.M{"_id": id, "state": "a"}, bson.M{"$set": bson.M{"state": "b"}}, opts...) // want `Store.Update discards the result of UpdateOne`
}
