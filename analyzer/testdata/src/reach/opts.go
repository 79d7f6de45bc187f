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

// The caller gives the fields to set, under a filter the wrapper builds:
// whether the filter guards them is known at each call.
func (s *Store) SetByCode(ctx context.Context, code string, fields any) error { // want SetByCode:`wrapper UpdateOne filter \{code: \$1\} update \{\$set: \$2\} result dropped`
	_, err := s.c.UpdateOne(ctx, bson.M{"code": code}, bson.M{"$set": fields})
	return err
}

// Under an _id filter nothing guards the fields: the write is reported
// once, here.
func (s *Store) SetByID(ctx context.Context, id bson.ObjectID, fields any) error {
	_, err := s.c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": fields}) // want `UpdateOne sets fields with \$set but its filter matches only "_id"`
	return err
}

func useSetters(ctx context.Context, s *Store, id bson.ObjectID) {
	s.SetByCode(ctx, "a1", bson.M{"status": "used"}) // want `Store.SetByCode \(UpdateOne\) sets "status" but its filter matches only "code"`
	s.SetByCode(ctx, "a1", bson.M{"code": "b2"})     // want `Store.SetByCode discards the result of UpdateOne`
	s.SetByID(ctx, id, bson.M{"status": "used"})
}

type User struct {
	Name string `bson:"name"`
	Role string `bson:"role"`
}

// The fields set are read from the parameter's type: the write is
// checked here, once, and it writes the name it matched back.
func (s *Store) SaveUser(ctx context.Context, u User) error {
	_, err := s.c.UpdateOne(ctx, bson.M{"name": u.Name}, bson.M{"$set": u}) // want `UpdateOne sets "name", "role" but its filter matches only "name" and it writes "name" back unchanged`
	return err
}

// A filter value computed from a parameter inside a wrapper may be the
// value written back: nothing is said at the call.
func (s *Store) SetByName(ctx context.Context, u User, fields any) error { // want SetByName:`wrapper UpdateOne filter \{name: \?\} update \{\$set: \$2\} result dropped`
	_, err := s.c.UpdateOne(ctx, bson.M{"name": u.Name}, bson.M{"$set": fields})
	return err
}

func useSaveUser(ctx context.Context, s *Store, u User) {
	s.SaveUser(ctx, User{Name: "admin", Role: "admin"})
	s.SetByName(ctx, u, bson.M{"name": "admin"})
	s.SetByName(ctx, u, bson.M{"role": "admin"}) // want `Store.SetByName \(UpdateOne\) sets "role" but its filter matches only "name"`
}

// A wrapper that gives its parameters new values: a default filter, and
// the fields wrapped in $set.
func (s *Store) Patch(ctx context.Context, filter bson.D, fields any) error { // want Patch:`wrapper UpdateMany filter \(\$1 \| \{\}\) update \{\$set: \$2\} result dropped`
	if filter == nil {
		filter = bson.D{}
	}
	fields = bson.M{"$set": fields}
	_, err := s.c.UpdateMany(ctx, filter, fields)
	return err
}

// A key added to the caller's filter is read at each call.
func (s *Store) PatchLive(ctx context.Context, filter bson.M, fields any) error { // want PatchLive:`wrapper UpdateMany filter \$1 \+ \{deleted: \?\} update \{\$set: \$2\} result dropped`
	filter["deleted"] = false
	_, err := s.c.UpdateMany(ctx, filter, bson.M{"$set": fields})
	return err
}

func usePatch(ctx context.Context, s *Store, owner string) {
	s.Patch(ctx, bson.D{{Key: "owner", Value: owner}}, bson.M{"a": 1}) // want `Store.Patch \(UpdateMany\) sets "a" but its filter matches only "owner"`
	s.PatchLive(ctx, bson.M{"owner": owner}, bson.M{"a": 1})           // want `Store.PatchLive \(UpdateMany\) sets "a" but its filter matches only "owner", "deleted"`
	s.PatchLive(ctx, bson.M{"owner": owner}, bson.M{"deleted": true})
}

// A wrapper that adds a condition to the caller's filter on one path: the
// filter is the caller's, or the caller's and deletedAt.
func (s *Store) UpdateLive(ctx context.Context, filter bson.D, update any, withDeleted bool) error { // want UpdateLive:`wrapper UpdateOne filter \(\$1 \| \$1 \+ \{deletedAt: \{\$exists: \?\}\}\) update \$2 result dropped`
	if !withDeleted {
		filter = append(filter, bson.E{Key: "deletedAt", Value: bson.M{"$exists": false}})
	}
	_, err := s.c.UpdateOne(ctx, filter, update)
	return err
}

func useUpdateLive(ctx context.Context, s *Store, id bson.ObjectID) {
	s.UpdateLive(ctx, bson.D{{Key: "_id", Value: id}}, bson.M{"$set": bson.M{"name": "x"}}, false)        // want `Store.UpdateLive \(UpdateOne\) sets "name" but its filter matches only "_id", "deletedAt"`
	s.UpdateLive(ctx, bson.D{{Key: "_id", Value: id}}, bson.M{"$set": bson.M{"deletedAt": "now"}}, false) // want `Store.UpdateLive discards the result of UpdateOne`
}

// The arrayFilters option is a condition on the elements a $[e] path
// changes: a guard when the update changes the field it tests.
func arrayFilterConditions(ctx context.Context, c *mongo.Collection, id bson.ObjectID, user string, state string, other options.Lister[options.UpdateOneOptions]) {
	byUser := options.UpdateOne().SetArrayFilters([]any{bson.M{"m.user": user}})
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"members.$[m].state": state}}, byUser) // want `UpdateOne sets "members.\$\[m\].state" but its filter matches only "_id", "members.user"`
	pending := options.UpdateOne().SetArrayFilters([]any{bson.M{"m.user": user, "m.state": "pending"}})
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"members.$[m].state": state}}, pending) // want `UpdateOne is conditional on "members.state"`
	// Options that cannot be read may hold a guard.
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"members.$[m].state": state}}, other)
}
