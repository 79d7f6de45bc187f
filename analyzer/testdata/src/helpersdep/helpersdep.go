// Helpers and wrappers exported to another package (see helpersuse):
// their summaries are facts.
package helpersdep

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

func ByID(id bson.ObjectID) bson.M { return bson.M{"_id": id} } // want ByID:`helper \{_id: \$0\}`

func CASFilter(id bson.ObjectID, status string) bson.D { // want CASFilter:`helper \{_id: \$0, status: \$1\}`
	return bson.D{{Key: "_id", Value: id}, {Key: "status", Value: status}}
}

func Set(fields bson.M) bson.M { return bson.M{"$set": fields} } // want Set:`helper \{\$set: \$0\}`

// Store wraps a collection.
type Store struct{ c *mongo.Collection }

// Update returns the driver's result to its caller.
func (s *Store) Update(ctx context.Context, filter, update any) (*mongo.UpdateResult, error) { // want Update:`wrapper UpdateOne filter \$1 update \$2 result returned`
	return s.c.UpdateOne(ctx, filter, update)
}

// UpdateByID drops the result.
func (s *Store) UpdateByID(ctx context.Context, id bson.ObjectID, update any) error { // want UpdateByID:`wrapper UpdateByID filter \? update \$2 result dropped`
	_, err := s.c.UpdateByID(ctx, id, update)
	return err
}

// Save drops the result: its callers cannot tell whether a conditional
// write happened.
func (s *Store) Save(ctx context.Context, filter, update any) error { // want Save:`wrapper UpdateOne filter \$1 update \$2 result dropped`
	_, err := s.c.UpdateOne(ctx, filter, update)
	return err
}

// SetName builds the update itself; the caller gives the filter.
func (s *Store) SetName(ctx context.Context, filter bson.M, name string) (*mongo.UpdateResult, error) { // want SetName:`wrapper UpdateOne filter \$1 update \{\$set: \{name: \$2\}\} result returned`
	res, err := s.c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"name": name}})
	return res, err
}

// Claim checks the outcome itself: callers have nothing to check.
func (s *Store) Claim(ctx context.Context, filter, update any) (bool, error) { // want Claim:`wrapper UpdateOne filter \$1 update \$2$`
	res, err := s.c.UpdateOne(ctx, filter, update)
	if err != nil {
		return false, err
	}
	return res.ModifiedCount == 1, nil
}

// FindAndModify returns the single result.
func (s *Store) FindAndModify(ctx context.Context, filter, update any) *mongo.SingleResult { // want FindAndModify:`wrapper FindOneAndUpdate filter \$1 update \$2 result returned`
	return s.c.FindOneAndUpdate(ctx, filter, update)
}

// Rename is not a wrapper: it is checked here.
func (s *Store) Rename(ctx context.Context, id bson.ObjectID, name string) error {
	_, err := s.c.UpdateOne(ctx, ByID(id), Set(bson.M{"name": name})) // want `UpdateOne sets "name" but its filter matches only "_id"`
	return err
}

// StateFilter returns its filter from two returns, with a guard on one
// path only.
func StateFilter(id bson.ObjectID, state string) bson.M { // want StateFilter:`helper \(\{_id: \$0\} \| \{_id: \$0, state: \$1\}\)`
	if state == "" {
		return bson.M{"_id": id}
	}
	return bson.M{"_id": id, "state": state}
}

// Touch builds its update in branches: the keys of every path are read.
func Touch(name string, admin bool) bson.M { // want Touch:`helper \{\$set: \{name: \$0, role: "admin"\}\}`
	set := bson.M{"name": name}
	if admin {
		set["role"] = "admin"
	}
	return bson.M{"$set": set}
}

// Option adds keys to a filter or an update.
type Option func(bson.M)

func Name(n string) Option { // want Name:`option \{name: \$0\}`
	return func(m bson.M) { m["name"] = n }
}

func State(s string) Option { // want State:`option \{state: \$0\}`
	return func(m bson.M) { m["state"] = s }
}

func SetDoc(d bson.M) Option { // want SetDoc:`option \{\$set: \$0\}`
	return func(m bson.M) { m["$set"] = d }
}

// NewDoc builds a document from functional options.
func NewDoc(opts ...Option) bson.M { // want NewDoc:`helper \{options \$0...\}`
	m := bson.M{}
	for _, o := range opts {
		o(m)
	}
	return m
}

// ByIDWith starts from an _id and adds the options.
func ByIDWith(id bson.ObjectID, opts ...Option) bson.M { // want ByIDWith:`helper \{_id: \$0, options \$1...\}`
	m := bson.M{"_id": id}
	for _, o := range opts {
		if o != nil {
			o(m)
		}
	}
	return m
}

// ExcludeDeleted adds a condition to the caller's filter.
func ExcludeDeleted(filter bson.D) bson.D { // want ExcludeDeleted:`helper \$0 \+ \{deletedAt: \{\$exists: \?\}\}`
	f := filter
	f = append(f, bson.E{Key: "deletedAt", Value: bson.M{"$exists": false}})
	return f
}

// Live calls a helper that extends its parameter, on one path.
func Live(filter bson.D, all bool) bson.D { // want Live:`helper \(\$0 \| \$0 \+ \{deletedAt: \{\$exists: \?\}\}\)`
	if !all {
		filter = ExcludeDeleted(filter)
	}
	return filter
}

// Change is a request object for ChangeStore: its setters give it a
// filter and an update, and ChangeStore.Apply writes them.
type Change struct {
	filter, update bson.M
	retries        int
}

func NewChange() *Change { return &Change{} } // want NewChange:`builder \{\}`

func (c *Change) Filter(f bson.M) *Change { // want Filter:`sets \{filter = \$0\} returns its receiver`
	c.filter = f
	return c
}

func (c *Change) Update(u bson.M) { // want Update:`sets \{update = \$0\}`
	c.update = u
}

func (c *Change) Retries(n int) *Change { // want Retries:`sets \{\} returns its receiver`
	c.retries = n
	return c
}

// Value is a setter of a copy: the caller's Change does not change.
func (c Change) Value(f bson.M) Change {
	c.filter = f
	return c
}

type ChangeStore struct{ C *mongo.Collection }

func (s ChangeStore) Apply(ctx context.Context, ch *Change) error { // want Apply:`wrapper FindOneAndUpdate filter \$1.filter update \$1.update`
	return s.C.FindOneAndUpdate(ctx, ch.filter, ch.update).Err()
}
