// Builders of another package, with driver v1 (see reachv1).
package reachv1dep

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
)

// StateFilter returns its filter from two returns.
func StateFilter(id primitive.ObjectID, state string) bson.M { // want StateFilter:`helper \(\{_id: \$0\} \| \{_id: \$0, state: \$1\}\)`
	if state == "" {
		return bson.M{"_id": id}
	}
	return bson.M{"_id": id, "state": state}
}

// Touch builds its update in branches.
func Touch(name string, admin bool) bson.D { // want Touch:`helper \{\$set: \{name: \$0, role: "admin"\}\}`
	set := bson.D{{"name", name}}
	if admin {
		set = append(set, bson.E{"role", "admin"})
	}
	return bson.D{{"$set", set}}
}

// Option adds keys to a document.
type Option func(bson.M)

func Owner(o string) Option { // want Owner:`option \{owner: \$0\}`
	return Option(func(m bson.M) { m["owner"] = o })
}

func Filter(opts ...Option) bson.M { // want Filter:`helper \{options \$0...\}`
	m := bson.M{}
	for _, o := range opts {
		o(m)
	}
	return m
}

// ByID returns its filter with an error: a helper of several results.
func ByID(id primitive.ObjectID) (bson.M, error) { // want ByID:`helper \{_id: \$0\}`
	if id.IsZero() {
		return nil, errors.New("no id")
	}
	return bson.M{"_id": id}, nil
}

// InState returns the state it read and the filter.
func InState(id primitive.ObjectID, state string) (string, bson.M, error) { // want InState:`helper result 1 \{_id: \$0, state: \$1\}`
	return state, bson.M{"_id": id, "state": state}, nil
}

// Store is a repository interface; MongoStore, its one implementation, is
// a wrapper.
type Store interface {
	Set(ctx context.Context, filter, update interface{}) error
}

type MongoStore struct{ C *mongo.Collection }

func (s MongoStore) Set(ctx context.Context, filter, update interface{}) error { // want Set:`wrapper UpdateOne filter \$1 update \$2 result dropped`
	_, err := s.C.UpdateOne(ctx, filter, update)
	return err
}

// TaskFilter is a document type with setters.
type TaskFilter bson.M

func (f TaskFilter) WithID(id primitive.ObjectID) { // want WithID:`option \{_id: \$0\}`
	f["_id"] = id
}
