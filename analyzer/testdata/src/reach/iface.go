package reach

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// A repository interface whose methods are not the driver's, with one
// implementation that is a wrapper: calls through the interface are
// checked with it.
type UserStore interface {
	Update(ctx context.Context, filter, update any) error
}

type mongoUsers struct{ c *mongo.Collection }

func (s *mongoUsers) Update(ctx context.Context, filter, update any) error { // want Update:`wrapper UpdateOne filter \$1 update \$2 result dropped`
	_, err := s.c.UpdateOne(ctx, filter, update)
	return err
}

type UserService struct{ store UserStore }

func (u *UserService) Rename(ctx context.Context, id bson.ObjectID, name string) error {
	return u.store.Update(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"name": name}}) // want `mongoUsers.Update \(UpdateOne\) sets "name" but its filter matches only "_id"`
}

// Two implementations: which one runs is not known, and nothing is said.
type Notes interface {
	Put(ctx context.Context, filter, update any) error
}

type mongoNotes struct{ c *mongo.Collection }

func (s mongoNotes) Put(ctx context.Context, filter, update any) error { // want Put:`wrapper UpdateOne filter \$1 update \$2 result dropped`
	_, err := s.c.UpdateOne(ctx, filter, update)
	return err
}

type memNotes map[string]any

func (m memNotes) Put(_ context.Context, filter, update any) error {
	m["last"] = update
	return nil
}

func note(ctx context.Context, n Notes, id bson.ObjectID) error {
	return n.Put(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"text": "x"}})
}

// A wrapper that converts its parameters to the driver's types before the
// write: the same maps, read as the caller's.
type Posts struct{ c *mongo.Collection }

func (p *Posts) Update(ctx context.Context, cond, set map[string]interface{}) error { // want Update:`wrapper UpdateOne filter \$1 update \{\$set: \$2\} result dropped`
	filter := bson.M(cond)
	_, err := p.c.UpdateOne(ctx, filter, bson.M{"$set": bson.M(set)})
	return err
}

func retitle(ctx context.Context, p *Posts, id bson.ObjectID, title string) error {
	return p.Update(ctx, map[string]interface{}{"_id": id}, map[string]interface{}{"title": title}) // want `Posts.Update \(UpdateOne\) sets "title" but its filter matches only "_id"`
}

// A getter behind an interface with one implementation, which only reads
// the filter: the filter is still known at the write that follows.
type ItemGetter interface {
	Fetch(ctx context.Context, filter bson.M) error
}

type mongoItems struct{ c *mongo.Collection }

func (s mongoItems) Fetch(ctx context.Context, filter bson.M) error { // want Fetch:`reads its documents only`
	return s.c.FindOne(ctx, filter).Err()
}

func fetchThenSet(ctx context.Context, g ItemGetter, c *mongo.Collection, id bson.ObjectID) {
	filter := bson.M{"_id": id}
	if g.Fetch(ctx, filter) != nil {
		return
	}
	c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"seen": true}}) // want `UpdateOne sets "seen" but its filter matches only "_id"`
}
